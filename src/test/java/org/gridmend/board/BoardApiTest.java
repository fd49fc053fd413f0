package org.gridmend.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.report.ReportAnswer;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Await;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.ReportFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The board lists the reports that wait for a dispatcher to place them, with what their customers typed. */
@GridMendTest
class BoardApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportFixture reports;

    @Autowired
    StaffIdentitySetup staff;

    @Test
    void aReportNobodyCouldPlaceIsListedAndAPlacedOneIsNot() {
        TestUsers.create(staff);
        ReportFixture.Grid grid = reports.newGrid();
        ReportAnswer lost = reports.unknownCustomerFarAway("2299999999", grid.lat() + 0.5, grid.lng());
        Http dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);

        Await.until(() -> listed(dispatcher, lost.reportId()) != null, 30);
        JsonNode row = listed(dispatcher, lost.reportId());
        assertThat(row.path("customerNo").asText()).isEqualTo("2299999999");
        assertThat(row.path("address").asText()).isEqualTo("人民大街 8 号");
        assertThat(row.path("description").asText()).isEqualTo("楼里都停了");
        assertThat(row.path("receivedAt").asText()).endsWith("Z");
        JsonNode board = dispatcher.get("/api/board").json();
        assertThat(board.path("toLocateCount").asLong()).isGreaterThanOrEqualTo(1);

        // a report that triage placed by itself is never listed
        ReportAnswer placed = reports.byCustomer(grid.customer(1));
        Await.until(() -> reports.record(placed).incidentId() != null, 30);
        assertThat(listed(dispatcher, placed.reportId())).isNull();
    }

    private static JsonNode listed(Http dispatcher, String reportId) {
        List<JsonNode> rows =
                dispatcher.get("/api/board").json().path("toLocate").findParents("reportId");
        return rows.stream()
                .filter(r -> r.path("reportId").asText().equals(reportId))
                .findFirst()
                .orElse(null);
    }
}
