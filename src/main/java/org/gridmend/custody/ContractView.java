package org.gridmend.custody;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A custody contract as its customer sees it: the terms, the electricians, the equipment and the inspections. */
public record ContractView(
        String id,
        String customerNo,
        String serviceLevel,
        String status,
        List<Electrician> electricians,
        BigDecimal monthlyFee,
        Integer termMonths,
        Instant startsAt,
        Instant endsAt,
        List<Item> equipment,
        List<Inspection> inspections,
        Actions actions) {

    public record Electrician(String id, String name, String phone) {}

    public record Item(
            long id, String type, String label, String rating, String manufacturer, int year, String location) {}

    /** One inspection: when due and done, what was found, and what followed (a job E-… or a report B-…). */
    public record Inspection(
            long id,
            int round,
            String equipment,
            String kind,
            Instant dueAt,
            Instant doneAt,
            String result,
            String followUp) {}

    public record Actions(boolean answerOffer, boolean acceptRenewal) {}
}
