package org.gridmend.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.gridmend.core.PublicIds;

/** Finding the reports and repair orders to trace: by customer, crew, device (or feeder) and a date range. */
public final class AuditSearch {

    private AuditSearch() {}

    public record Query(String customerNo, String crewId, String deviceId, Instant from, Instant to) {}

    public record ReportHit(
            long id, Instant createdAt, String channel, String customerNo, String status, Long incidentId) {

        @JsonProperty("reportId")
        public String reportId() {
            return PublicIds.report(id);
        }

        @JsonProperty("repairOrderId")
        public String repairOrderId() {
            return PublicIds.incident(incidentId);
        }
    }

    public record IncidentHit(
            long id,
            Instant createdAt,
            String deviceId,
            String level,
            String state,
            String crewId,
            Long mergedIntoId,
            long reports) {

        @JsonProperty("repairOrderId")
        public String repairOrderId() {
            return PublicIds.incident(id);
        }

        @JsonProperty("mergedInto")
        public String mergedInto() {
            return PublicIds.incident(mergedIntoId);
        }
    }

    public record Result(List<ReportHit> reports, List<IncidentHit> repairOrders, boolean truncated) {}
}
