package org.gridmend.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridmend.core.Refusal;

/**
 * The error body of every 4xx and 5xx answer of GridMend's own API: a stable code, a sentence for people and,
 * where one field is at fault, its path in the request ({@code transformers[3].lat}); a refused rental booking also lists the days already
 * taken.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
        String error, String message, String field, List<Refusal.Problem> problems, List<String> conflictingDays) {

    public ApiError(String error, String message, String field) {
        this(error, message, field, List.of(), List.of());
    }

    public ApiError(String error, String message, String field, List<Refusal.Problem> problems) {
        this(error, message, field, problems, List.of());
    }

    /** The body for a business refusal. */
    public static ApiError of(Refusal refusal) {
        return new ApiError(
                refusal.code(), refusal.getMessage(), refusal.field(), refusal.problems(), refusal.conflictingDays());
    }
}
