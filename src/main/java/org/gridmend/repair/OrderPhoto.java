package org.gridmend.repair;

import java.time.Instant;

/** An on-site photo of a repair order (its metadata; the bytes are fetched apart), as the API shows it. */
public record OrderPhoto(
        long id, String uploadedBy, String contentType, int sizeBytes, String caption, Instant createdAt) {}
