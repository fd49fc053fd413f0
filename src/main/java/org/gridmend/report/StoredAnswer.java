package org.gridmend.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Intake's answer as stored with the report (the report id and token are the report's own): what a replay of the
 * same request returns, and the first line of the report's timeline.
 */
record StoredAnswer(ReportStatus status, String incidentId, boolean merged, String message) {

    StoredAnswer withMessage(String other) {
        return new StoredAnswer(status, incidentId, merged, other);
    }

    ReportAnswer answer(String reportId, String token) {
        return new ReportAnswer(reportId, token, status, incidentId, merged, message);
    }

    static StoredAnswer of(ObjectMapper json, ReportRecord report) {
        try {
            return json.readValue(report.answer(), StoredAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of report " + report.id() + " is not readable", e);
        }
    }
}
