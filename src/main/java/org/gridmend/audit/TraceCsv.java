package org.gridmend.audit;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A trace as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read Chinese text). */
final class TraceCsv {

    static final List<String> HEADER =
            List.of("at", "actorType", "actor", "source", "type", "subject", "ref", "details");

    private TraceCsv() {}

    static String write(List<TraceEntry> entries, ObjectMapper json) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", HEADER)).append("\r\n");
        for (TraceEntry e : entries) {
            String details;
            try {
                details = json.writeValueAsString(e.details());
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
            row(
                    csv,
                    e.at() == null ? "" : e.at().toString(),
                    e.actorType().name(),
                    e.actor(),
                    e.source(),
                    e.type(),
                    e.subject(),
                    e.ref(),
                    details);
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String field = fields[i] == null ? "" : fields[i];
            if (field.indexOf(',') >= 0
                    || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }
}
