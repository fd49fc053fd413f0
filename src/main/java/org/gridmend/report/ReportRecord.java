package org.gridmend.report;

import java.time.Instant;

import org.gridmend.core.PublicIds;

/** A report as stored. Coordinates are WGS-84 (converted at intake); {@code coordSys} is what the phone sent. */
public record ReportRecord(
        long id,
        String requestId,
        String requestHash,
        String trackingToken,
        Channel channel,
        String customerNo,
        String phone,
        Double lat,
        Double lng,
        String coordSys,
        String address,
        String description,
        Boolean onlyMyHome,
        String clientAddress,
        ReportStatus status,
        String locatedCustomerNo,
        String locatedTransformerId,
        String feederId,
        String locateMethod,
        Long incidentId,
        Long noticeId,
        Long excludedIncidentId,
        Boolean powerRestored,
        Instant confirmedAt,
        String answer,
        Instant createdAt,
        Instant updatedAt) {

    public String publicId() {
        return PublicIds.report(id);
    }

    public boolean hasLocation() {
        return lat != null && lng != null;
    }

    /** A report as intake is about to store it, before triage placed it: what the look-ahead needs. */
    static ReportRecord beforeTriage(ReportMapper.NewReport r) {
        return new ReportRecord(
                0,
                r.requestId,
                r.requestHash,
                r.trackingToken,
                r.channel,
                r.customerNo,
                r.phone,
                r.lat,
                r.lng,
                r.coordSys,
                r.address,
                r.description,
                r.onlyMyHome,
                r.clientAddress,
                r.status,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                r.createdAt,
                r.createdAt);
    }
}
