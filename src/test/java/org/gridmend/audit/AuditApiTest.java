package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The auditors' API over HTTP: traces as JSON and CSV, search, masking and its audit, the chain's check. */
@GridMendTest
class AuditApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture fixture;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ObjectMapper json;

    Http auditor;
    ReportFixture.Grid grid;
    JsonNode answer;
    /** A phone of this test's own: intake allows a phone five reports in ten minutes. */
    String phone;

    @BeforeEach
    void setUp() {
        TestUsers.create(staff);
        auditor = Http.anonymous(port).as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        grid = fixture.newGrid();
        phone = "186" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Http.Response submitted = Http.anonymous(port)
                .post(
                        "/api/reports",
                        Map.of(
                                "requestId",
                                UUID.randomUUID().toString(),
                                "channel",
                                "WEB",
                                "customerNo",
                                grid.customer(1),
                                "phone",
                                phone,
                                "address",
                                "长春市绿园区审计街5号",
                                "description",
                                "整栋楼没电，电话 " + phone));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        answer = submitted.json();
        String id = answer.path("reportId").asText();
        Await.until(
                () -> auditor.get("/api/audit/reports/" + id + "/trace")
                        .json()
                        .path("entries")
                        .findValuesAsText("type")
                        .contains("TRIAGE_OPENED"),
                20);
    }

    @Test
    void aReportsTraceComesAsJsonWithPersonalDataMasked() {
        JsonNode trace = auditor.get(
                        "/api/audit/reports/" + answer.path("reportId").asText() + "/trace")
                .json();
        assertThat(trace.path("subject").asText())
                .isEqualTo(answer.path("reportId").asText());
        assertThat(trace.path("entries").findValuesAsText("type"))
                .contains("REPORT_RECEIVED", "REPORT_LOCATED", "TRIAGE_OPENED", "ACTIVITY_startEvent", "VARIABLE_SET");
        JsonNode received = first(trace, "REPORT_RECEIVED");
        assertThat(received.path("actorType").asText()).isEqualTo("CUSTOMER");
        assertThat(received.path("actor").asText()).isEqualTo(grid.customer(1));
        assertThat(received.path("details").path("channel").asText()).isEqualTo("WEB");
        assertThat(received.path("ref").asText()).startsWith("audit#");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        assertThat(trace.path("customer").path("reportedPhone").asText()).isEqualTo(masked);
        assertThat(trace.path("customer").path("description").asText()).contains(masked);
        assertThat(trace.path("customer").path("name").asText()).endsWith("*");
        assertThat(trace.toString()).doesNotContain(phone).doesNotContain("审计街5号");
        assertThat(trace.path("processes").get(0).path("cockpitUrl").asText())
                .startsWith("/camunda/app/cockpit/default/#/process-instance/");
    }

    @Test
    void theCsvExportHasTheSameEntriesAsTheJson() throws Exception {
        String id = answer.path("reportId").asText();
        // read while nothing moves: the order's first jobs may still be writing entries
        JsonNode trace;
        Http.Response csv;
        int tries = 0;
        do {
            trace = auditor.get("/api/audit/reports/" + id + "/trace").json();
            csv = auditor.get("/api/audit/reports/" + id + "/trace?format=csv");
        } while (++tries < 20
                && !auditor.get("/api/audit/reports/" + id + "/trace")
                        .json()
                        .path("entries")
                        .equals(trace.path("entries")));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body().replace("\uFEFF", "")))
                .getRecords();
        List<JsonNode> entries = new ArrayList<>();
        trace.path("entries").forEach(entries::add);
        assertThat(rows).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            CSVRecord row = rows.get(i);
            assertThat(row.get("type")).isEqualTo(e.path("type").asText());
            assertThat(row.get("source")).isEqualTo(e.path("source").asText());
            assertThat(row.get("actorType")).isEqualTo(e.path("actorType").asText());
            assertThat(row.get("actor"))
                    .isEqualTo(e.path("actor").isNull() ? "" : e.path("actor").asText());
            assertThat(Instant.parse(row.get("at")))
                    .isEqualTo(Instant.parse(e.path("at").asText()));
            assertThat(json.readTree(row.get("details"))).isEqualTo(e.path("details"));
        }
    }

    @Test
    void onlyThePiiGroupSeesPersonalDataAndEveryViewIsRecorded() {
        String id = answer.path("reportId").asText();
        Http.Response refused = auditor.get("/api/audit/reports/" + id + "/trace?unmask=true");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("field").asText()).isEqualTo("unmask");

        Http privacy = Http.anonymous(port).as(TestUsers.PRIVACY_AUDITOR, TestUsers.PASSWORD);
        assertThat(privacy.get("/api/audit/me").json().path("pii").asBoolean()).isTrue();
        JsonNode full =
                privacy.get("/api/audit/reports/" + id + "/trace?unmask=true").json();
        assertThat(full.path("masked").asBoolean()).isFalse();
        assertThat(full.path("customer").path("reportedPhone").asText()).isEqualTo(phone);
        assertThat(full.path("customer").path("reportedAddress").asText()).isEqualTo("长春市绿园区审计街5号");
        JsonNode viewed =
                first(auditor.get("/api/audit/reports/" + id + "/trace").json(), "PII_VIEWED");
        assertThat(viewed.path("actor").asText()).isEqualTo(TestUsers.PRIVACY_AUDITOR);
    }

    @Test
    void searchFindsByCustomerDeviceAndDateAndNamesTheFieldItCannotRead() {
        JsonNode byCustomer =
                auditor.get("/api/audit/search?customerNo=" + grid.customer(1)).json();
        assertThat(byCustomer.path("reports").findValuesAsText("reportId"))
                .contains(answer.path("reportId").asText());
        String incident =
                byCustomer.path("reports").get(0).path("repairOrderId").asText();
        assertThat(byCustomer.path("repairOrders").findValuesAsText("repairOrderId"))
                .contains(incident);
        JsonNode byDevice = auditor.get("/api/audit/search?deviceId=" + grid.node("T1") + "&from="
                        + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1))
                .json();
        assertThat(byDevice.path("reports").findValuesAsText("reportId"))
                .contains(answer.path("reportId").asText());
        assertThat(auditor.get("/api/audit/search?customerNo=" + grid.customer(1) + "&to=2000-01-01")
                        .json()
                        .path("reports"))
                .isEmpty();

        JsonNode order =
                auditor.get("/api/audit/incidents/" + incident + "/trace").json();
        assertThat(order.path("entries").findValuesAsText("type")).contains("INCIDENT_OPENED", "TRIAGE_OPENED");

        Http.Response nothing = auditor.get("/api/audit/search");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().path("field").asText()).isEqualTo("customerNo");
        Http.Response badDate = auditor.get("/api/audit/search?customerNo=x&from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("field").asText()).isEqualTo("from");
        Http.Response badFormat =
                auditor.get("/api/audit/reports/" + answer.path("reportId").asText() + "/trace?format=xml");
        assertThat(badFormat.json().path("field").asText()).isEqualTo("format");
        assertThat(auditor.get("/api/audit/reports/B-99999999/trace").status()).isEqualTo(404);
        assertThat(auditor.get("/api/audit/incidents/nonsense/trace").status()).isEqualTo(404);
    }

    @Test
    void aHotlineReportNamesTheAgentWhoTookTheCall() {
        Http agent = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        JsonNode call = agent.post(
                        "/api/reports",
                        Map.of(
                                "requestId",
                                UUID.randomUUID().toString(),
                                "channel",
                                "HOTLINE",
                                "customerNo",
                                grid.customer(2),
                                "description",
                                "来电报修"))
                .json();
        JsonNode received = first(
                auditor.get("/api/audit/reports/" + call.path("reportId").asText() + "/trace")
                        .json(),
                "REPORT_RECEIVED");
        assertThat(received.path("actorType").asText()).isEqualTo("USER");
        assertThat(received.path("actor").asText()).isEqualTo(TestUsers.DISPATCHER);
        assertThat(received.path("details").path("customerNo").asText()).isEqualTo(grid.customer(2));
        assertThat(received.path("details").path("channel").asText()).isEqualTo("HOTLINE");
    }

    @Test
    void theChainVerifies() {
        JsonNode verify = auditor.get("/api/audit/verify").json();
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("checked").asLong()).isPositive();
        assertThat(verify.path("unsealed").asLong()).isZero();
    }

    private static JsonNode first(JsonNode trace, String type) {
        for (JsonNode e : trace.path("entries")) {
            if (e.path("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + trace.path("entries").findValuesAsText("type"));
    }
}
