package org.gridmend.performance;

import java.util.List;
import java.util.Locale;

/** The month's table as CSV for a spreadsheet: UTF-8 with a byte order mark, so that Excel shows the names. */
final class PerformanceCsv {

    static final List<String> HEADER = List.of(
            "month",
            "crewId",
            "employeeNo",
            "name",
            "orders",
            "arrivals",
            "onTimeShare",
            "averageMinutesToArrive",
            "ratingAverage",
            "ratingCount",
            "sentBack",
            "repeatFaults",
            "learningMinutes",
            "examsPassed",
            "score");

    private PerformanceCsv() {}

    static String write(PerformanceService.Month month) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, HEADER.toArray(String[]::new));
        for (PerformanceService.CrewMonth c : month.crews()) {
            row(
                    csv,
                    c.month(),
                    c.crewId(),
                    c.employeeNo(),
                    c.name(),
                    String.valueOf(c.orders()),
                    String.valueOf(c.arrivals()),
                    number(c.onTimeShare()),
                    number(c.averageMinutesToArrive()),
                    number(c.ratingAverage()),
                    String.valueOf(c.ratingCount()),
                    String.valueOf(c.sentBack()),
                    String.valueOf(c.repeatFaults()),
                    String.valueOf(c.learningMinutes()),
                    String.valueOf(c.examsPassed()),
                    number(c.score()));
        }
        return csv.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%s", value);
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String f = fields[i] == null ? "" : fields[i];
            // a cell a spreadsheet would run as a formula is quoted as text
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && !f.matches("-?[0-9.]+")) {
                f = "'" + f;
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
                f = "\"" + f.replace("\"", "\"\"") + "\"";
            }
            csv.append(f);
        }
        csv.append("\r\n");
    }
}
