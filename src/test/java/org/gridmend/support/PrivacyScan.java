package org.gridmend.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.gridmend.core.Pii;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches the process engine's tables (history, runtime variables and their byte arrays) for personal data: the
 * given names, phone numbers and addresses, and anything shaped like a phone number.
 */
public final class PrivacyScan {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    private PrivacyScan() {}

    /** One place personal data was found: table, column and the start of the value. */
    public record Finding(String table, String column, String value) {}

    public static List<Finding> engineTables(JdbcTemplate jdbc, Collection<String> secrets) {
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name FROM "
                + "information_schema.columns WHERE table_schema = DATABASE() AND UPPER(table_name) LIKE 'ACT\\_%' "
                + "AND data_type IN ('varchar', 'char', 'text', 'mediumtext', 'longtext', 'blob', 'mediumblob', "
                + "'longblob')");
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            jdbc.query("SELECT `" + name + "` FROM `" + table + "` WHERE `" + name + "` IS NOT NULL", row -> {
                Object raw = row.getObject(1);
                String value = raw instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : raw.toString();
                // ids such as a failed message's UUID (a Cockpit incident's configuration) can look like a
                // landline number ("…f05419251026"): they are taken out before the phone check
                String text = UUID.matcher(value).replaceAll(" ");
                if (Pii.containsPhone(text) || secrets.stream().anyMatch(value::contains)) {
                    findings.add(new Finding(table, name, value.length() > 200 ? value.substring(0, 200) : value));
                }
            });
        }
        return findings;
    }
}
