package org.gridmend.audit;

/** One link of the audit chain: the text its HMAC is computed over. */
final class ChainLink {

    private ChainLink() {}

    /** What is hashed for one link: length-prefixed fields, so that no two different events hash the same text. */
    static String text(String previous, long seq, AuditEvent e) {
        StringBuilder text = new StringBuilder(256);
        for (Object field : new Object[] {
            previous,
            seq,
            e.id(),
            e.at() == null ? null : e.at().toEpochMilli(),
            e.actorType(),
            e.actor(),
            e.type(),
            e.reportId(),
            e.incidentId(),
            e.noticeId(),
            e.notificationId(),
            e.customerNo(),
            e.crewId(),
            e.deviceId(),
            e.details()
        }) {
            String value = field == null ? "" : field.toString();
            text.append(field == null ? -1 : value.length())
                    .append(':')
                    .append(value)
                    .append('|');
        }
        return text.toString();
    }
}
