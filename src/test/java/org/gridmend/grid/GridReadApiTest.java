package org.gridmend.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.TestGrids;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GridMendTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridReadApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    GridImportService importer;

    Http dispatcher;
    Http admin;
    String p;

    @BeforeAll
    void setUp() {
        TestUsers.create(staff);
        dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        admin = Http.anonymous(port).as(TestUsers.ADMIN, TestUsers.PASSWORD);
        p = TestGrids.prefix();
        importer.importDocument(TestGrids.small(p, 32.0, 102.0));
    }

    @Test
    void feedersListTheirSubstationAndCounts() {
        JsonNode feeders = dispatcher.get("/api/grid/feeders").json();
        JsonNode mine = find(feeders, p + "-F");
        assertThat(mine.path("substationName").asText()).isEqualTo("测试变电站");
        assertThat(mine.path("deviceCount").asLong()).isEqualTo(3);
        assertThat(mine.path("transformerCount").asLong()).isEqualTo(3);
        assertThat(mine.path("customerCount").asLong()).isEqualTo(6);
    }

    @Test
    void aFeederShowsItsTree() {
        JsonNode view = dispatcher.get("/api/grid/feeders/" + p + "-F").json();
        JsonNode breaker = view.path("below").get(0);
        assertThat(breaker.path("id").asText()).isEqualTo(p + "-CB");
        assertThat(breaker.path("type").asText()).isEqualTo("BREAKER");
        // Below the breaker: the switch (with the fuse and T1 and T2 below it) and T3.
        assertThat(ids(breaker.path("children"))).containsExactly(p + "-SW", p + "-T3");
        JsonNode sw = breaker.path("children").get(0);
        assertThat(ids(sw.path("children"))).containsExactly(p + "-FU", p + "-T2");
        JsonNode t1 = sw.path("children").get(0).path("children").get(0);
        assertThat(t1.path("id").asText()).isEqualTo(p + "-T1");
        assertThat(t1.path("customerCount").asLong()).isEqualTo(3);
        assertThat(t1.path("areaType").asText()).isEqualTo("URBAN");
    }

    @Test
    void aDeviceShowsItsSubtreeAndWhatIsAboveIt() {
        JsonNode view = dispatcher.get("/api/grid/devices/" + p + "-SW").json();
        assertThat(ids(view.path("below"))).containsExactly(p + "-FU", p + "-T2");
        assertThat(ids(view.path("upstream").path("devices"))).containsExactly(p + "-CB");
        assertThat(view.path("upstream").path("substation").path("id").asText()).isEqualTo(p + "-SS");
    }

    @Test
    void theChainFromATransformerUpToItsSubstation() {
        JsonNode chain = dispatcher.get("/api/grid/nodes/" + p + "-T1/upstream").json();
        assertThat(chain.path("node").path("kind").asText()).isEqualTo("TRANSFORMER");
        assertThat(ids(chain.path("devices"))).containsExactly(p + "-FU", p + "-SW", p + "-CB");
        assertThat(chain.path("feeder").path("id").asText()).isEqualTo(p + "-F");
        assertThat(chain.path("substation").path("name").asText()).isEqualTo("测试变电站");
    }

    @Test
    void everythingBelowADevice() {
        JsonNode below =
                dispatcher.get("/api/grid/nodes/" + p + "-SW/downstream").json();
        assertThat(texts(below.path("transformerIds"))).containsExactly(p + "-T1", p + "-T2");
        assertThat(texts(below.path("customerNos"))).containsExactly(p + "C1", p + "C2", p + "C3", p + "C4", p + "C5");

        JsonNode feeder =
                dispatcher.get("/api/grid/nodes/" + p + "-F/downstream").json();
        assertThat(texts(feeder.path("customerNos"))).hasSize(6);
        JsonNode transformer =
                dispatcher.get("/api/grid/nodes/" + p + "-T3/downstream").json();
        assertThat(texts(transformer.path("customerNos"))).containsExactly(p + "C6");
    }

    @Test
    void phonesAreMaskedForAllButAdmins() {
        JsonNode masked = dispatcher.get("/api/grid/customers/" + p + "C1").json();
        assertThat(masked.path("phone").asText()).isEqualTo("138****5678");
        assertThat(masked.path("masked").asBoolean()).isTrue();

        JsonNode clear = admin.get("/api/grid/customers/" + p + "C1").json();
        assertThat(clear.path("phone").asText()).isEqualTo("13812345678");
        assertThat(clear.path("masked").asBoolean()).isFalse();

        JsonNode area = dispatcher.get("/api/grid/transformers/" + p + "-T1").json();
        assertThat(area.path("customers")).hasSize(3);
        area.path("customers").forEach(c -> assertThat(c.path("phone").asText()).contains("****"));
        assertThat(ids(area.path("upstream").path("devices"))).containsExactly(p + "-FU", p + "-SW", p + "-CB");
    }

    @Test
    void nearestByApi() {
        JsonNode near = dispatcher
                .get("/api/grid/nearest?lat=32.0&lng=102.0&radius=500&kind=TRANSFORMER")
                .json();
        assertThat(ids(near)).containsExactly(p + "-T1", p + "-T2");
        JsonNode customers = dispatcher
                .get("/api/grid/nearest?lat=31.99&lng=102.0&radius=5&kind=CUSTOMER")
                .json();
        assertThat(customers.get(0).path("customerNo").asText()).isEqualTo(p + "C6");
    }

    @Test
    void badSpatialParametersNameTheField() {
        Http.Response radius = dispatcher.get("/api/grid/nearest?lat=32&lng=102&radius=900000");
        assertThat(radius.status()).isEqualTo(400);
        assertThat(radius.json().path("field").asText()).isEqualTo("radius");
        Http.Response lat = dispatcher.get("/api/grid/nearest?lat=north&lng=102");
        assertThat(lat.status()).isEqualTo(400);
        assertThat(lat.json().path("field").asText()).isEqualTo("lat");
        Http.Response missing = dispatcher.get("/api/grid/nearest?lng=102");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("field").asText()).isEqualTo("lat");
        Http.Response kind = dispatcher.get("/api/grid/nearest?lat=32&lng=102&kind=HOUSE");
        assertThat(kind.json().path("message").asText())
                .isEqualTo("kind must be one of CUSTOMER, TRANSFORMER, not 'HOUSE'");
    }

    @Test
    void unknownIdsAre404WithJson() {
        for (String path : List.of(
                "/api/grid/feeders/nope",
                "/api/grid/devices/nope",
                "/api/grid/transformers/nope",
                "/api/grid/customers/nope",
                "/api/grid/nodes/nope/upstream",
                "/api/grid/nodes/nope/downstream")) {
            Http.Response response = dispatcher.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().path("error").asText()).isEqualTo("NOT_FOUND");
        }
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " not in " + array);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
