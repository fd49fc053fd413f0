package org.gridmend.repair;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message between a customer on a repair order and its crew: {@code reportId} (B-…) names the customer's thread;
 * {@code author} is the crew member or dispatcher who wrote it, none for the customer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderMessage(
        long id, String reportId, boolean fromCustomer, String author, String text, Instant at, Long photoId) {}
