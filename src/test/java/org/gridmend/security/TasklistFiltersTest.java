package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridmend.core.StaffGroups;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist opens on the caller's own filters, as Tasklist itself lists them (GET /engine-rest/filter): a crew its
 * orders, a dispatcher what waits for dispatchers, and the filters count the tasks they should.
 */
@GridMendTest
class TasklistFiltersTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffIdentitySetup staff;

    private List<String> filterNames(Http user) {
        JsonNode filters = user.get("/engine-rest/filter?resourceType=Task").json();
        return StreamSupport.stream(filters.spliterator(), false)
                .map(f -> f.path("name").asText())
                .toList();
    }

    @Test
    void eachGroupStartsFromItsOwnFilters() {
        TestUsers.create(staff);
        staff.user("tfcrew", "Crew", "Filters", TestUsers.PASSWORD, StaffGroups.CREWS);
        Http crew = Http.anonymous(port).as("tfcrew", TestUsers.PASSWORD);
        Http dispatcher = Http.anonymous(port).as(TestUsers.DISPATCHER, TestUsers.PASSWORD);

        assertThat(filterNames(crew)).containsExactly("我的抢修单 My orders");
        assertThat(filterNames(dispatcher)).contains("待派工 To dispatch", "超时 Late", "待审核 To review", "待定位 To locate");
        JsonNode mine = crew.get("/engine-rest/filter?resourceType=Task").json().get(0);
        assertThat(mine.path("properties").path("priority").asInt()).isNegative();
        Http.Response count = crew.get("/engine-rest/filter/" + mine.path("id").asText() + "/count");
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        assertThat(count.json().path("count").asInt()).isZero();
    }
}
