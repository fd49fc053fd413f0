package org.gridmend.support;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.electrician.ServiceSkill;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/**
 * Approved social electricians for tests, straight into the registry (their own application and review have tests of
 * their own): a row in gm_electrician and a Camunda user in group electricians with {@link #PASSWORD}.
 */
@Component
public class ElectricianFixture {

    public static final String PASSWORD = "Electrician-Pass1!";
    private static final AtomicInteger PHONES = new AtomicInteger(ThreadLocalRandomHolder.start());

    private final JdbcTemplate jdbc;
    private final IdentityService identity;

    ElectricianFixture(JdbcTemplate jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    /** An electrician at work around the clock, certified for a year. */
    public Electrician approved(String name, double lat, double lng, double radiusKm, ServiceSkill... skills) {
        return approved(
                name, lat, lng, radiusKm, "00:00", "00:00", LocalDate.now().plusYears(1), skills);
    }

    public Electrician approved(
            String name,
            double lat,
            double lng,
            double radiusKm,
            String from,
            String to,
            LocalDate certificateExpires,
            ServiceSkill... skills) {
        String phone = "+86139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("name", name);
        row.put("phone", phone);
        row.put("certificate_no", "T" + phone.substring(4));
        row.put("certificate_type", "LOW_VOLTAGE");
        row.put("certificate_expires", java.sql.Date.valueOf(certificateExpires));
        row.put("skills", Arrays.stream(skills).map(Enum::name).collect(Collectors.joining(",")));
        row.put("lat", lat);
        row.put("lng", lng);
        row.put("radius_km", radiusKm);
        row.put("hours_from", from);
        row.put("hours_to", to);
        row.put("status", "APPROVED");
        row.put("rating_sum", 0);
        row.put("rating_count", 0);
        row.put("jobs_done", 0);
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        row.put("applied_at", now);
        row.put("updated_at", now);
        long id = new SimpleJdbcInsert(jdbc)
                .withTableName("gm_electrician")
                .usingGeneratedKeyColumns("id")
                .executeAndReturnKey(row)
                .longValue();
        String userId = PublicIds.electrician(id).toLowerCase();
        jdbc.update("UPDATE gm_electrician SET user_id = ? WHERE id = ?", userId, id);
        User user = identity.newUser(userId);
        user.setFirstName(name);
        user.setLastName("社会电工");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, StaffGroups.ELECTRICIANS);
        return new Electrician(id, userId, phone);
    }

    public void rated(long id, int sum, int count) {
        jdbc.update("UPDATE gm_electrician SET rating_sum = ?, rating_count = ? WHERE id = ?", sum, count, id);
    }

    public record Electrician(long id, String userId, String phone) {
        public String publicId() {
            return PublicIds.electrician(id);
        }
    }

    private static final class ThreadLocalRandomHolder {
        static int start() {
            return java.util.concurrent.ThreadLocalRandom.current().nextInt(50_000_000);
        }
    }
}
