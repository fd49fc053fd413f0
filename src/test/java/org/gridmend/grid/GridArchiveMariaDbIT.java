package org.gridmend.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.grid.GridDocument.Customer;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Http;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.TestGrids;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The archive on a real MariaDB through Connector/J: charset, spatial index, all-or-nothing imports. */
@MariaDbTest
class GridArchiveMariaDbIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    Http admin;
    String p;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        admin = Http.anonymous(port).as(TestUsers.ADMIN, TestUsers.PASSWORD);
        p = TestGrids.prefix();
    }

    @Test
    void chineseTextAndEmojiSurviveTheRoundTrip() {
        assertThat(admin.post("/api/grid/import", TestGrids.small(p, 34.0, 104.0))
                        .status())
                .isEqualTo(200);
        List<Customer> emoji = List.of(new Customer(p + "E1", "王伟🙂", null, p + "-T1", null, null, "长春市🏠人民大街1号"));
        assertThat(admin.post("/api/grid/import", Map.of("customers", emoji)).status())
                .isEqualTo(200);

        JsonNode customer = admin.get("/api/grid/customers/" + p + "E1").json();
        assertThat(customer.path("name").asText()).isEqualTo("王伟🙂");
        assertThat(customer.path("address").asText()).isEqualTo("长春市🏠人民大街1号");
        assertThat(jdbc.queryForObject(
                        "SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE "
                                + "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'gm_customer' AND COLUMN_NAME = 'address'",
                        String.class))
                .isEqualTo("utf8mb4");
    }

    @Test
    void nearestSearchesUseTheSpatialIndex() {
        assertThat(jdbc.queryForList(
                        "SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = "
                                + "DATABASE() AND INDEX_TYPE = 'SPATIAL' ORDER BY INDEX_NAME",
                        String.class))
                .containsExactly("sx_gm_customer_pos", "sx_gm_transformer_pos");
        String box = BoundingBox.around(43.88, 125.32, 500).getWkt();
        List<Map<String, Object>> plan = jdbc.queryForList(
                "EXPLAIN SELECT customer_no FROM gm_customer " + "WHERE MBRContains(ST_GeomFromText(?), pos)", box);
        assertThat(plan.get(0).get("possible_keys").toString()).contains("sx_gm_customer_pos");
    }

    @Test
    void aFailureWhileWritingLeavesNothingBehind() {
        // A trigger that fails the last customer of the document: everything before it must be rolled back.
        jdbc.execute("CREATE TRIGGER " + p + "_fail BEFORE INSERT ON gm_customer FOR EACH ROW "
                + "IF NEW.customer_no = '" + p + "C6' THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated failure'; END IF");
        try {
            Http.Response response = admin.post("/api/grid/import", TestGrids.small(p, 35.0, 105.0));
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json().path("error").asText()).isEqualTo("INTERNAL_ERROR");
            assertThat(response.body()).doesNotContain("SQLException").doesNotContain("at org.");
        } finally {
            jdbc.execute("DROP TRIGGER " + p + "_fail");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_feeder WHERE id = ?", Long.class, p + "-F"))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_customer WHERE customer_no LIKE ?", Long.class, p + "%"))
                .isZero();
    }

    @Test
    void theEngineRunsBesideOurTables() {
        assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
                .isEqualTo("3");
        assertThat(jdbc.queryForObject("SELECT @@tx_isolation", String.class)).isEqualTo("READ-COMMITTED");
    }
}
