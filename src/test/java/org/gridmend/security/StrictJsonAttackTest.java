package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffGroups;
import org.gridmend.report.ReportMapper;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JSON that a lax parser would take and guess at: numbers for enums, booleans and strings, fractions for integers,
 * content after the object, keys given twice, NUL, control characters and half surrogate pairs in text. Each is a
 * 400 naming the field, and nothing is stored.
 */
@GridMendTest
class StrictJsonAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ReportMapper reports;

    Http anonymous;
    RepairFixture.Grid grid;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        grid = repairs.newGrid().placeCrews();
    }

    private static void refused(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(response.json().path("error").asText()).as(response.body()).isIn("INVALID_FIELD", "MALFORMED_JSON");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("com.fasterxml");
    }

    private String report(String requestId, String extra) {
        return "{\"requestId\": \"" + requestId + "\", \"channel\": \"APP\", \"customerNo\": \"" + grid.customer(1)
                + "\"" + extra + "}";
    }

    @Test
    void numbersAreNotEnumsBooleansOrStrings() {
        String id = UUID.randomUUID().toString();
        refused(
                anonymous.post(
                        "/api/reports",
                        "{\"requestId\": \"" + id + "\", \"channel\": 3, \"customerNo\": \"" + grid.customer(1)
                                + "\"}"),
                "channel");
        refused(anonymous.post("/api/reports", report(id, ", \"onlyMyHome\": 2")), "onlyMyHome");
        refused(
                anonymous.post(
                        "/api/reports",
                        "{\"requestId\": \"" + id + "\", \"channel\": \"APP\", \"customerNo\": 2200000001}"),
                "customerNo");
        refused(anonymous.post("/api/reports", report(id, ", \"onlyMyHome\": \"true\"")), "onlyMyHome");
        assertThat(reports.findByRequestId(id)).as("nothing stored").isNull();
    }

    @Test
    void theCustomersAnswersTakeOnlyWhatTheyAsk() {
        Http.Response made =
                anonymous.post("/api/reports", report(UUID.randomUUID().toString(), ""));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String path = "/api/reports/" + made.json().path("reportId").asText();
        String token = "?token=" + made.json().path("trackingToken").asText();
        refused(anonymous.post(path + "/confirmation" + token, "{\"powerRestored\": 1}"), "powerRestored");
        refused(anonymous.post(path + "/rating" + token, "{\"stars\": 4.5}"), "stars");
        refused(anonymous.post(path + "/rating" + token, "{\"stars\": \"5\"}"), "stars");
    }

    @Test
    void contentAfterTheObjectAndKeysGivenTwiceAreRefused() {
        String id = UUID.randomUUID().toString();
        Http.Response trailing = anonymous.post("/api/reports", report(id, "") + " {\"more\": 1}");
        assertThat(trailing.status()).as(trailing.body()).isEqualTo(400);
        assertThat(trailing.json().path("error").asText()).isEqualTo("MALFORMED_JSON");
        Http.Response twice = anonymous.post(
                "/api/reports",
                "{\"requestId\": \"" + id + "\", \"channel\": \"APP\", \"channel\": \"WECHAT\", \"customerNo\": \""
                        + grid.customer(1) + "\"}");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().path("error").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(twice.json().path("message").asText()).contains("channel");
        assertThat(reports.findByRequestId(id)).as("nothing stored").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\ud800", "x\\udc00y"})
    void textHoldsNoNulNoControlCharacterAndNoHalfSurrogate(String bad) {
        String id = UUID.randomUUID().toString();
        refused(anonymous.post("/api/reports", report(id, ", \"description\": \"停电" + bad + "\"")), "description");
        assertThat(reports.findByRequestId(id)).as("nothing stored").isNull();

        staff.user(grid.user(1), "Crew", "J1", TestUsers.PASSWORD, StaffGroups.CREWS);
        Http dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        refused(dispatcher.post("/api/repair-orders/R-99999999/notes", "{\"text\": \"备注" + bad + "\"}"), "text");
    }

    @Test
    void lineBreaksTabsAndWholeSurrogatePairsAreText() {
        Http.Response made = anonymous.post(
                "/api/reports",
                report(UUID.randomUUID().toString(), ", \"description\": \"一楼\\n\\t二楼 \\ud83d\\udca1 停电\""));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long reportId = PublicIds.parseReport(made.json().path("reportId").asText());
        assertThat(reports.findById(reportId).description()).isEqualTo("一楼\n\t二楼 \uD83D\uDCA1 停电");
    }
}
