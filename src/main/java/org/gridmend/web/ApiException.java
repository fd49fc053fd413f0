package org.gridmend.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A business failure with the status, code and field that the caller should see. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final List<ApiError.Problem> problems;
    private long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String message, String field, List<ApiError.Problem> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    public ApiException(HttpStatus status, String code, String message, String field) {
        this(status, code, message, field, List.of());
    }

    public static ApiException badRequest(String code, String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, field);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + id + " does not exist", null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message, null);
    }

    public static ApiException conflict(String code, String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message, field);
    }

    public static ApiException tooManyRequests(String field, String message, long retryAfterSeconds) {
        ApiException e = new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", message, field);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** The same refusal with a Retry-After of this many seconds. */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds a client should wait before trying again (429), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return field;
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(code, getMessage(), field, problems);
    }
}
