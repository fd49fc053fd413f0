package org.gridmend.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/** A customer signed in the way a phone does it (the SMS code read from the outbox), and forms sent to Tasklist. */
public final class TestCustomers {

    private TestCustomers() {}

    /** Signs in with the code the outbox holds for the phone: a client with the customer's bearer token. */
    public static Http signIn(Http anonymous, JdbcTemplate jdbc, String phone) {
        assertThat(anonymous.post("/api/customer/otp", Map.of("phone", phone)).status())
                .isEqualTo(202);
        String text = jdbc.queryForObject(
                "SELECT text FROM gm_notification WHERE event_type = 'SIGN_IN_CODE' AND phone LIKE ? ORDER BY id DESC "
                        + "LIMIT 1",
                String.class,
                "%" + phone);
        Matcher code = Pattern.compile("[0-9]{6}").matcher(text);
        assertThat(code.find()).isTrue();
        return anonymous.bearer(anonymous
                .post("/api/customer/session", Map.of("phone", phone, "code", code.group()))
                .json()
                .path("token")
                .asText());
    }

    /** Submits a task's form through {@code /engine-rest}, as Tasklist does. */
    public static Http.Response submit(Http user, String task, Map<String, Object> fields) {
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return user.post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", variables));
    }
}
