package org.gridmend.electrician;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A job as its customer follows it, parcel-style: stages, the electrician, the quote, the timeline and actions. */
public record JobView(
        String id,
        String reportId,
        String status,
        String skill,
        String skillLabel,
        String address,
        String preferredWindow,
        List<Stage> stages,
        Electrician electrician,
        Quote quote,
        BigDecimal amountCharged,
        Integer rating,
        String dispute,
        String outcome,
        List<Line> timeline,
        List<Photo> photos,
        Actions actions,
        Instant createdAt) {

    public record Stage(String stage, String zh, String en, Instant at) {}

    /** The electrician of the job, once accepted (the phone to reach them). */
    public record Electrician(String id, String name, String phone, Double rating, int jobsDone) {}

    public record Quote(
            BigDecimal visitFee, String cause, BigDecimal partsFee, BigDecimal labourFee, BigDecimal total) {}

    public record Line(Instant at, String kind, String text) {}

    public record Photo(long id, String url, Instant at) {}

    /** What the customer may do now. */
    public record Actions(boolean answerQuote, boolean confirm, boolean dispute, boolean cancel, boolean message) {}
}
