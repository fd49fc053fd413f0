package org.gridmend.audit;

import java.util.List;

/**
 * What happened to a report or a repair order, from GridMend's records and Camunda's history, in time order.
 *
 * @param subject    the report (B-…) or repair order (R-…) traced
 * @param reports    the reports it covers
 * @param incidents  the repair orders it covers (a report's, including those it left in a merge)
 * @param processes  the process instances joined in, with links into Cockpit
 * @param customer   the reporting customer's personal data, masked unless the auditor asked to see it and may
 * @param masked     whether personal data is masked
 */
public record Trace(
        String subject,
        List<String> reports,
        List<String> incidents,
        List<ProcessLink> processes,
        Customer customer,
        boolean masked,
        List<TraceEntry> entries) {

    public record ProcessLink(
            String id,
            String definitionKey,
            String businessKey,
            String state,
            String cockpitUrl,
            String cockpitHistoryUrl) {}

    public record Customer(
            String customerNo,
            String name,
            String phone,
            String address,
            String reportedPhone,
            String reportedAddress,
            String description) {}
}
