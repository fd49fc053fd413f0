package org.gridmend.core;

import java.util.List;

/**
 * A business refusal: what kind of "no" it is, a stable code, a sentence for people and the request field at fault.
 * Services throw it without knowing HTTP; the web layer turns each {@link Kind} into a status.
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal; the web layer maps each to one HTTP status. */
    public enum Kind {
        /** The request is malformed or breaks a rule of its own (400). */
        INVALID,
        /** Nobody is signed in, or the session has expired (401). */
        UNAUTHENTICATED,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** The thing asked for does not exist (404). */
        NOT_FOUND,
        /** The thing is not in a state that allows this (409). */
        CONFLICT,
        /** The request or an upload is larger than allowed (413). */
        TOO_LARGE,
        /** An upload's type is not one GridMend takes (415). */
        UNSUPPORTED_TYPE,
        /** Too many requests from this caller; try again later (429). */
        RATE_LIMITED,
        /** The server cannot take this now (503). */
        UNAVAILABLE
    }

    /** One of several problems found in one request (an import document can have many). */
    public record Problem(String field, String message) {}

    private final Kind kind;
    private final String code;
    private final String field;
    private final List<Problem> problems;
    private long retryAfterSeconds;
    private List<String> conflictingDays = List.of();

    public Refusal(Kind kind, String code, String message, String field, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    public Refusal(Kind kind, String code, String message, String field) {
        this(kind, code, message, field, List.of());
    }

    public static Refusal invalid(String code, String field, String message) {
        return new Refusal(Kind.INVALID, code, message, field);
    }

    public static Refusal notFound(String what, String id) {
        return new Refusal(Kind.NOT_FOUND, "NOT_FOUND", what + " " + echo(id) + " does not exist", null);
    }

    /** Code points of a client's input that a message repeats. */
    public static final int ECHOED = 40;

    /** The request attribute that says a refusal answered the request (so its 401 is no failed sign-in). */
    public static final String ANSWERED = "org.gridmend.refusal";

    /** Input repeated in a message: at most a short prefix, so that a megabyte sent is not a megabyte answered. */
    public static String echo(Object input) {
        String text = String.valueOf(input);
        int end = text.offsetByCodePoints(0, Math.min(ECHOED, text.codePointCount(0, text.length())));
        return end < text.length() ? text.substring(0, end) + "…" : text;
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "FORBIDDEN", message, null);
    }

    public static Refusal conflict(String code, String field, String message) {
        return new Refusal(Kind.CONFLICT, code, message, field);
    }

    public static Refusal rateLimited(String field, String message, long retryAfterSeconds) {
        Refusal e = new Refusal(Kind.RATE_LIMITED, "RATE_LIMITED", message, field);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** The same refusal with a Retry-After of this many seconds. */
    public Refusal retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds a client should wait before trying again, or 0. */
    /** The days (2026-12-05) that made a booking impossible, for a 409 of the rental calendar. */
    public Refusal conflictingDays(List<String> days) {
        this.conflictingDays = List.copyOf(days);
        return this;
    }

    public List<String> conflictingDays() {
        return conflictingDays;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return field;
    }

    public List<Problem> problems() {
        return problems;
    }
}
