package org.gridmend.report;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridmend.core.Refusal;
import org.gridmend.web.ApiError;
import org.gridmend.web.RefusalStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The tracking page's live timeline; no login, the tracking token is the key. */
@RestController
@Tag(name = "Reports")
class TimelineStreamController {

    private final TimelineStreamService streams;
    private final ObjectMapper json;

    TimelineStreamController(TimelineStreamService streams, ObjectMapper json) {
        this.streams = streams;
        this.json = json;
    }

    /**
     * A refusal (wrong token, too many streams) is written here as the JSON error every other endpoint answers: the
     * client asked for an event stream, which the shared error handler could not negotiate.
     */
    @GetMapping(path = "/api/reports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The report's timeline live (Server-Sent Events: timeline and status events; 404 for a "
                    + "wrong token; 429 or 503 with Retry-After when too many are open for the report, the client or the "
                    + "server: poll GET /api/reports/{id} instead)")
    SseEmitter events(
            @PathVariable String id,
            @RequestParam(required = false) String token,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        try {
            return streams.open(id, token, request.getRemoteAddr());
        } catch (Refusal refused) {
            response.setStatus(RefusalStatus.of(refused).value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            if (refused.retryAfterSeconds() > 0) {
                response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
            }
            json.writeValue(response.getOutputStream(), ApiError.of(refused));
            return null;
        }
    }
}
