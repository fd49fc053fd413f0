package org.gridmend.web;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.gridmend.core.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of GridMend's own controllers into an {@link ApiError}: 4xx with the field at fault for bad
 * input, and for anything unexpected a 500 that carries an error id for the log, never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.gridmend")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** The string Jackson refused to take as a number, boolean or enum, as its message quotes it. */
    private static final Pattern GIVEN_STRING = Pattern.compile("String value \\(\"(.*)\"\\)", Pattern.DOTALL);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ApiError> refusal(Refusal e, jakarta.servlet.http.HttpServletRequest request) {
        // a business answer (401 for a missing customer session too), never a staff password that failed
        request.setAttribute(Refusal.ANSWERED, e.code());
        if (e.retryAfterSeconds() > 0) {
            return ResponseEntity.status(RefusalStatus.of(e))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .body(ApiError.of(e));
        }
        return ResponseEntity.status(RefusalStatus.of(e)).body(ApiError.of(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        List<Refusal.Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Refusal.Problem(f.getField(), f.getField() + " " + f.getDefaultMessage()))
                .toList();
        FieldError first = e.getBindingResult().getFieldError();
        String field = first == null ? null : first.getField();
        String message = problems.isEmpty()
                ? "the request body is invalid"
                : problems.get(0).message();
        return badRequest(new ApiError("INVALID_FIELD", message, field, problems));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
        var result = e.getParameterValidationResults().get(0);
        String field = result.getMethodParameter().getParameterName();
        String reason = result.getResolvableErrors().get(0).getDefaultMessage();
        return badRequest(new ApiError("INVALID_FIELD", field + " " + reason, field));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return badRequest(new ApiError("MISSING_FIELD", e.getParameterName() + " is required", e.getParameterName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "another type" : describe(type);
        return badRequest(new ApiError(
                "INVALID_FIELD",
                e.getName() + " must be " + expected + ", not '" + Refusal.echo(e.getValue()) + "'",
                e.getName()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BodyLimitFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(BodyLimitFilter.error(tooLarge.limit));
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return badRequest(new ApiError("UNKNOWN_FIELD", field + " is not a known field", field));
        }
        if (cause instanceof StrictJsonConfiguration.RefusedText t) {
            String field = path(t);
            return badRequest(new ApiError("INVALID_FIELD", field + " " + t.reason(), field));
        }
        if (cause instanceof InvalidFormatException f) {
            String field = path(f);
            return badRequest(new ApiError(
                    "INVALID_FIELD",
                    field + " must be " + describe(f.getTargetType()) + ", not '" + Refusal.echo(f.getValue()) + "'",
                    field));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            Matcher given = GIVEN_STRING.matcher(m.getOriginalMessage());
            return badRequest(new ApiError(
                    "INVALID_FIELD",
                    field + " must be " + describe(m.getTargetType())
                            + (given.find() ? ", not '" + Refusal.echo(given.group(1)) + "'" : ""),
                    field));
        }
        if (cause instanceof MismatchedInputException m
                && m.getOriginalMessage().startsWith("Trailing token")) {
            return badRequest(new ApiError("MALFORMED_JSON", "the body holds something after its JSON value", null));
        }
        if (cause instanceof JsonParseException p && p.getOriginalMessage().startsWith("Duplicate field '")) {
            String message = p.getOriginalMessage();
            String field = Refusal.echo(message.substring(17, Math.max(17, message.indexOf('\'', 17))));
            return badRequest(new ApiError("MALFORMED_JSON", field + " is given twice", field));
        }
        if (cause instanceof JsonParseException p) {
            return badRequest(new ApiError(
                    "MALFORMED_JSON",
                    "the body is not valid JSON (line " + p.getLocation().getLineNr() + ", column "
                            + p.getLocation().getColumnNr() + ")",
                    null));
        }
        return badRequest(new ApiError("MALFORMED_JSON", "the body is missing or is not valid JSON", null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ApiError("METHOD_NOT_ALLOWED", e.getMethod() + " is not supported here", null));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError(
                        "UNSUPPORTED_MEDIA_TYPE",
                        "send the body as "
                                + (e.getSupportedMediaTypes().isEmpty()
                                        ? "application/json"
                                        : e.getSupportedMediaTypes().get(0).toString()),
                        null));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new ApiError("TOO_LARGE", "the upload is too large: a photo may have at most 5 MB", "file"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badMultipart(MultipartException e) {
        return badRequest(
                new ApiError("MALFORMED_MULTIPART", "send the photo as multipart/form-data, part \"file\"", "file"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("NOT_FOUND", "/" + Refusal.echo(e.getResourcePath()) + " does not exist", null));
    }

    /**
     * A client that went away (a tracking page closed while its live timeline was open): nobody is left to answer,
     * and nothing went wrong on our side.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(Exception e) {
        log.debug("client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (tooLongForTheDatabase(e)) {
            // limits are checked in characters as people count them; H2 counts UTF-16 units, so text full of
            // characters beyond the basic plane can pass the check and still not fit its column
            return badRequest(new ApiError("TOO_LONG", "a text is longer than GridMend keeps: shorten it", null));
        }
        if (DatabaseDown.isCause(e)) {
            log.warn("database unreachable, answered 503: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(DatabaseDown.RETRY_AFTER_SECONDS))
                    .body(DatabaseDown.error());
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error errorId={}", errorId, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL_ERROR", "something went wrong on our side; error id " + errorId, null));
    }

    private static boolean tooLongForTheDatabase(Throwable e) {
        return DatabaseDown.anyCause(e, c -> c instanceof SQLException sql && "22001".equals(sql.getSQLState()));
    }

    private static ResponseEntity<ApiError> badRequest(ApiError error) {
        return ResponseEntity.badRequest().body(error);
    }

    /** The JSON path of a Jackson failure in the form clients write it: {@code transformers[3].lat}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
