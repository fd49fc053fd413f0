package org.gridmend.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gridmend.grid.GridDocument.Customer;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.TestGrids;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@GridMendTest
class GridImportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    ObjectMapper json;

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
    void importCountsWhatItInsertedAndThenWhatItUpdated() {
        GridDocument doc = TestGrids.small(p, 31.0, 101.0);
        Http.Response first = admin.post("/api/grid/import", doc);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("customers").path("inserted").asInt()).isEqualTo(6);
        assertThat(first.json().path("devices").path("inserted").asInt()).isEqualTo(3);
        assertThat(first.json().path("transformers").path("updated").asInt()).isZero();

        Http.Response second = admin.post("/api/grid/import", doc);
        assertThat(second.json().path("customers").path("inserted").asInt()).isZero();
        assertThat(second.json().path("customers").path("updated").asInt()).isEqualTo(6);
        assertThat(second.json().path("crews").path("updated").asInt()).isEqualTo(1);
    }

    @Test
    void anUpdateChangesTheRecord() {
        admin.post("/api/grid/import", TestGrids.small(p, 31.0, 101.0));
        List<Customer> moved =
                List.of(new Customer(p + "C1", "王伟", "13812345678", p + "-T2", 31.0, 101.0041, "长春市郊9号"));
        assertThat(admin.post("/api/grid/import", Map.of("customers", moved)).status())
                .isEqualTo(200);

        JsonNode customer = admin.get("/api/grid/customers/" + p + "C1").json();
        assertThat(customer.path("transformerId").asText()).isEqualTo(p + "-T2");
        assertThat(customer.path("address").asText()).isEqualTo("长春市郊9号");
    }

    @Test
    void aCustomerWithoutCoordinatesIsPlacedAtItsTransformer() {
        admin.post("/api/grid/import", TestGrids.small(p, 31.0, 101.0));
        JsonNode customer = admin.get("/api/grid/customers/" + p + "C6").json();
        assertThat(customer.path("positionSource").asText()).isEqualTo("TRANSFORMER");
        assertThat(customer.path("lat").asDouble()).isEqualTo(31.0 - 0.01);
    }

    @Test
    void aBadDocumentIsRejectedWholeWithRecordAndField() {
        GridDocument good = TestGrids.small(p, 31.0, 101.0);
        List<Device> devices = new ArrayList<>(good.devices());
        devices.set(2, new Device(p + "-FU", DeviceType.FUSE, p + "-F", "no-such-switch", null, null));
        GridDocument bad = new GridDocument(
                good.stations(),
                good.substations(),
                good.feeders(),
                devices,
                good.transformers(),
                good.customers(),
                good.crews());

        Http.Response response = admin.post("/api/grid/import", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("INVALID_GRID_DOCUMENT");
        assertThat(response.json().path("field").asText()).isEqualTo("devices[2].parentId");
        assertThat(response.json().path("message").asText())
                .startsWith("device " + p
                        + "-FU: parent device no-such-switch is neither in the document nor in the archive");
        assertThat(response.json().path("problems")).isNotEmpty();
        // Nothing of the document was written, not even its valid parts.
        assertThat(admin.get("/api/grid/feeders/" + p + "-F").status()).isEqualTo(404);
        assertThat(admin.get("/api/grid/customers/" + p + "C1").status()).isEqualTo(404);
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        ObjectNode doc = json.valueToTree(TestGrids.small(p, 31.0, 101.0));
        ((ObjectNode) doc.withArray("transformers").get(1)).put("lat", "north");
        Http.Response response = admin.post("/api/grid/import", json.writeValueAsString(doc));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).isEqualTo("transformers[1].lat");
        assertThat(response.json().path("message").asText())
                .isEqualTo("transformers[1].lat must be a number, not 'north'");
    }

    @Test
    void anUnknownDeviceTypeListsTheKnownOnes() throws Exception {
        ObjectNode doc = json.valueToTree(TestGrids.small(p, 31.0, 101.0));
        ((ObjectNode) doc.withArray("devices").get(0)).put("type", "TRANSFORMER");
        Http.Response response = admin.post("/api/grid/import", json.writeValueAsString(doc));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).isEqualTo("devices[0].type");
        assertThat(response.json().path("message").asText())
                .isEqualTo("devices[0].type must be one of BREAKER, FUSE, SWITCH, RECLOSER, not 'TRANSFORMER'");
    }

    @Test
    void anUnknownFieldIsRejectedAsATypo() throws Exception {
        ObjectNode doc = json.valueToTree(TestGrids.small(p, 31.0, 101.0));
        ((ObjectNode) doc.withArray("customers").get(0)).put("lon", 101.0);
        Http.Response response = admin.post("/api/grid/import", json.writeValueAsString(doc));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("UNKNOWN_FIELD");
        assertThat(response.json().path("field").asText()).isEqualTo("customers[0].lon");
    }

    @Test
    void malformedJsonIsA400NotA500() {
        Http.Response response = admin.post("/api/grid/import", "{\"customers\": [");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void everyKeyIsOptional() {
        Http.Response response = admin.post("/api/grid/import", "{}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("customers").path("inserted").asInt()).isZero();
    }

    @Test
    void crewSkillsAreReplacedOnUpdate() {
        GridDocument doc = TestGrids.small(p, 31.0, 101.0);
        admin.post("/api/grid/import", doc);
        GridDocument.Crew crew = doc.crews().get(0);
        GridDocument.Crew retrained = new GridDocument.Crew(
                crew.id(),
                crew.employeeNo(),
                crew.name(),
                crew.phone(),
                crew.stationId(),
                crew.userId(),
                List.of(Skill.MV),
                crew.lat(),
                crew.lng());
        assertThat(admin.post("/api/grid/import", Map.of("crews", List.of(retrained)))
                        .status())
                .isEqualTo(200);
        assertThat(skillsOf(crew.id())).containsExactly("MV");
    }

    private List<String> skillsOf(String crewId) {
        return jdbc.queryForList(
                "SELECT skill FROM gm_crew_skill WHERE crew_id = ? ORDER BY skill", String.class, crewId);
    }
}
