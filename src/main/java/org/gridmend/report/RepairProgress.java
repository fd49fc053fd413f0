package org.gridmend.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the report side shows of the repair order its incident is on, answered by the repair side: who comes and
 * when, the incident's timeline (accepted, delayed, arrived, diagnosed, ETR changed, restored, reviewed) and the
 * crew's on-site photos.
 */
public interface RepairProgress {

    Optional<Progress> progress(long incidentId);

    List<Event> timeline(long incidentId);

    /**
     * A photo of the incident, or empty when it has none with that id; with a report, only the crew's photos and
     * those this report's customer sent (null: a staff member's view, every photo).
     */
    Optional<Photo> photo(long incidentId, Long reportId, long photoId);

    /**
     * The crew on the order once it accepted (id, employee number, masked name), the arrival deadline (SLA) and the
     * times of its stages: offered to a crew (the offer now open, or the one it accepted), accepted, arrived,
     * diagnosed; and whether it takes messages now (accepted by a crew, power not back).
     */
    record Progress(
            String crewId,
            String crewEmployeeNo,
            String crewName,
            Instant arrivalDeadline,
            Instant eta,
            Instant etr,
            boolean late,
            Instant dispatchedAt,
            Instant acceptedAt,
            Instant arrivedAt,
            Instant diagnosedAt,
            boolean takesMessages,
            List<Long> photoIds) {}

    /**
     * The messages between this report's customer and the order's crew, oldest first (whether the customer wrote
     * it, and the text with numbers masked; the customer is not told which staff member answered).
     */
    List<Message> messages(long incidentId, long reportId);

    /** The customer's message to the crew; 409 when the order takes none now, 400 naming {@code text}. */
    Message sendToCrew(long incidentId, long reportId, String text);

    /** The customer's photo to the crew with a line of text; 409 outside the window, 413/415 for a bad file. */
    Message sendPhotoToCrew(long incidentId, long reportId, byte[] data, String text);

    /** A message; {@code photoId} when it carries a photo (the report's photo link shows it). */
    record Message(Instant at, boolean fromCustomer, String text, Long photoId) {}

    /**
     * The virtual number that reaches the order's crew from this report's customer (privacy number, AXB), while the
     * order takes messages; empty when there is no telephony gateway or it could not bind one now.
     */
    Optional<Call> call(long incidentId, long reportId);

    record Call(String virtualNumber, Instant expiresAt) {}

    record Event(Instant at, String type, String text) {}

    record Photo(String contentType, byte[] data) {}
}
