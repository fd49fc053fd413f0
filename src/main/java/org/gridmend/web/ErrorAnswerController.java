package org.gridmend.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridmend.core.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to every error that reaches the servlet container's error page rather than a controller: a path the
 * firewall rejects (an encoded slash, a semicolon, {@code ..}), a path nothing maps after normalisation, a media type
 * nobody serves, a status sent by a filter. It replaces Spring Boot's {@code {timestamp, status, error, path}} with
 * GridMend's {@link ApiError}, whatever the request's path or Accept header.
 */
@RestController
@RequestMapping(path = "${server.error.path:/error}")
class ErrorAnswerController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswerController.class);

    private final ObjectMapper json;

    ErrorAnswerController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        if (status == null || status.value() < 400) {
            status = HttpStatus.NOT_FOUND;
        }
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ApiError body = body(status, thrown instanceof Throwable t ? t : null, uri == null ? "" : uri.toString());
        // written by hand: the answer is JSON whatever the client asked for in Accept (a 406 must still say why)
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }

    static ApiError body(HttpStatus status, Throwable thrown, String path) {
        if (thrown instanceof RequestRejectedException) {
            return new ApiError(
                    "BAD_REQUEST",
                    "the URL is refused: it holds an encoded slash, a semicolon, a dot segment or a character no URL "
                            + "may hold",
                    null);
        }
        return switch (status) {
            case BAD_REQUEST -> new ApiError("BAD_REQUEST", "the request is malformed", null);
            case UNAUTHORIZED -> new ApiError("UNAUTHORIZED", "sign in first", null);
            case FORBIDDEN -> new ApiError("FORBIDDEN", "you may not do this", null);
            case NOT_FOUND -> new ApiError("NOT_FOUND", Refusal.echo(path) + " does not exist", null);
            case METHOD_NOT_ALLOWED -> new ApiError("METHOD_NOT_ALLOWED", "this method is not supported here", null);
            case NOT_ACCEPTABLE ->
                new ApiError("NOT_ACCEPTABLE", "the answer cannot be given in the type asked for in Accept", null);
            case PAYLOAD_TOO_LARGE -> new ApiError("TOO_LARGE", "the request is too large", null);
            case UNSUPPORTED_MEDIA_TYPE ->
                new ApiError("UNSUPPORTED_MEDIA_TYPE", "the body's Content-Type is not one this endpoint takes", null);
            case TOO_MANY_REQUESTS -> new ApiError("RATE_LIMITED", "too many requests: try again later", null);
            case SERVICE_UNAVAILABLE ->
                new ApiError("UNAVAILABLE", "GridMend cannot answer just now: try again in a moment", null);
            default -> {
                if (status.is5xxServerError()) {
                    String errorId = UUID.randomUUID().toString();
                    log.error("error page errorId={} status={}", errorId, status.value(), thrown);
                    yield new ApiError("INTERNAL_ERROR", "something went wrong on our side; error id " + errorId, null);
                }
                yield new ApiError(status.name(), status.getReasonPhrase(), null);
            }
        };
    }
}
