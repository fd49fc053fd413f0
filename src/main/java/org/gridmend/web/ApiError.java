package org.gridmend.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body of every 4xx and 5xx answer of GridMend's own API: a stable code, a sentence for people and,
 * where one field is at fault, its path in the request ({@code transformers[3].lat}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, String field, List<Problem> problems) {

    public ApiError(String error, String message, String field) {
        this(error, message, field, List.of());
    }

    /** One of several problems found in one request (an import document can have many). */
    public record Problem(String field, String message) {
    }
}
