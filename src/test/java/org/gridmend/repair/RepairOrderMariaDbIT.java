package org.gridmend.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.assertj.core.data.Offset;
import org.gridmend.core.StaffGroups;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.Http;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.PrivacyScan;
import org.gridmend.support.RepairFixture;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small storm worked to the end on a real MariaDB, with the job executor running and everybody acting through
 * HTTP: customers report and follow their reports, crews work their tasks through Camunda's REST API as Tasklist
 * does (and cannot touch another crew's task), dispatchers review, customers confirm and rate, and the crews'
 * statistics show the result.
 */
@MariaDbTest
@ExtendWith(OutputCaptureExtension.class)
class RepairOrderMariaDbIT {

    @LocalServerPort
    int port;

    @Autowired
    RepairFixture repairs;

    @Autowired
    StaffIdentitySetup staff;

    @Autowired
    JdbcTemplate jdbc;

    Http anonymous;
    Http dispatcher;
    Http admin;
    final Map<String, Http> crewUsers = new LinkedHashMap<>();
    final Map<String, String> crewOfUser = new HashMap<>();

    private static <T> T until(String what, Supplier<T> poll, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T value = poll.get();
        while (!done.test(value)) {
            assertThat(Instant.now())
                    .as("never got there: " + what + ", last " + value)
                    .isBefore(deadline);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            value = poll.get();
        }
        return value;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all;
    }

    private JsonNode track(JsonNode answer) {
        return anonymous
                .get("/api/reports/" + answer.path("reportId").asText() + "?token="
                        + answer.path("trackingToken").asText())
                .json();
    }

    private static Map<String, Object> form(Object... pairs) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], Map.of("value", pairs[i + 1]));
        }
        return Map.of("variables", variables);
    }

    @Test
    void aStormIsWorkedToTheEndByCrewsInTasklistAndRatedByCustomers(CapturedOutput output) throws Exception {
        TestUsers.create(staff);
        anonymous = Http.anonymous(port);
        dispatcher = anonymous.as(TestUsers.DISPATCHER, TestUsers.PASSWORD);
        admin = anonymous.as(TestUsers.ADMIN, TestUsers.PASSWORD);
        List<RepairFixture.Grid> grids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            grids.add(repairs.newGrid().placeCrews());
        }
        for (RepairFixture.Grid g : grids) {
            for (int k = 1; k <= 4; k++) {
                staff.user(g.user(k), "Crew", "K" + k, TestUsers.PASSWORD, StaffGroups.CREWS);
                crewUsers.put(g.user(k), anonymous.as(g.user(k), TestUsers.PASSWORD));
                crewOfUser.put(g.user(k), g.crew(k));
            }
        }

        // the storm: on three grids a customer of T1 and one of T2 report (triage rolls both up to the switch
        // above them, a medium-voltage job); on the fourth a single customer of T1 (a low-voltage job)
        // customers give a phone number and an address too (and one writes a number into the description): none
        // of it may reach the engine's tables or the log
        List<JsonNode> answers = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            for (int customer : i < 3 ? new int[] {1, 4} : new int[] {1}) {
                String phone = "1865" + (1000000 + answers.size() * 7919);
                String address = "长春市南关区隐私路" + (100 + answers.size()) + "号";
                secrets.add(phone);
                secrets.add(address);
                answers.add(anonymous
                        .post(
                                "/api/reports",
                                Map.of(
                                        "requestId",
                                        UUID.randomUUID().toString(),
                                        "channel",
                                        "APP",
                                        "customerNo",
                                        grids.get(i).customer(customer),
                                        "phone",
                                        phone,
                                        "address",
                                        address,
                                        "description",
                                        "停电了，请回电 " + phone))
                        .json());
            }
        }
        for (RepairFixture.Grid g : grids) {
            g.grid().doc().customers().forEach(c -> secrets.addAll(List.of(c.name(), c.phone(), c.address())));
            g.grid().doc().crews().forEach(c -> secrets.addAll(List.of(c.name(), c.phone())));
        }
        for (JsonNode answer : answers) {
            until(
                    "triaged " + answer,
                    () -> track(answer),
                    v -> v.path("status").asText().equals("IN_REPAIR"));
        }
        // a roll-up that raced with the lower order's own first step is retried by the job executor a little later:
        // wait until every report is on an order that stays (open, not merged away)
        Map<String, List<JsonNode>> incidents = until(
                "every report on a running order",
                () -> {
                    Map<String, List<JsonNode>> byIncident = new LinkedHashMap<>();
                    for (JsonNode answer : answers) {
                        byIncident
                                .computeIfAbsent(
                                        track(answer)
                                                .path("incident")
                                                .path("incidentId")
                                                .asText(),
                                        i -> new ArrayList<>())
                                .add(answer);
                    }
                    return byIncident;
                },
                byIncident -> byIncident.size() == 4
                        && byIncident.keySet().stream()
                                .allMatch(key -> dispatcher
                                        .get("/api/incidents/" + key)
                                        .json()
                                        .path("state")
                                        .asText()
                                        .equals("OPEN")));

        // a crew cannot complete another crew's task
        JsonNode someTask = until(
                        "a crew task",
                        () -> list(admin.get("/engine-rest/task?taskDefinitionKey="
                                        + "Task_AcceptRepairOrder&processInstanceBusinessKey="
                                        + incidents.keySet().iterator().next())
                                .json()),
                        tasks -> !tasks.isEmpty())
                .get(0);
        String owner = someTask.path("assignee").asText();
        Http intruder = crewUsers.entrySet().stream()
                .filter(e -> !e.getKey().equals(owner))
                .findFirst()
                .orElseThrow()
                .getValue();
        Http.Response stolen = intruder.post(
                "/engine-rest/task/" + someTask.path("id").asText() + "/submit-form", form("acceptDecision", "ACCEPT"));
        assertThat(stolen.status()).as(stolen.toString()).isIn(403, 404);
        assertThat(intruder.get("/engine-rest/task/" + someTask.path("id").asText())
                        .status())
                .isIn(403, 404);

        // crews and dispatchers work every task until every order waits for its rating window
        String etr = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .plusHours(3)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        Map<String, String> crewOfIncident = new HashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (reviewed(incidents.keySet()) < incidents.size()) {
            assertThat(Instant.now()).as("orders never all reviewed").isBefore(deadline);
            boolean worked = false;
            for (var crew : crewUsers.entrySet()) {
                for (JsonNode task : list(crew.getValue()
                        .get("/engine-rest/task?assignee=" + crew.getKey())
                        .json())) {
                    worked = true;
                    String id = task.path("id").asText();
                    String order = crew.getValue()
                            .get("/engine-rest/task/" + id + "/form-variables")
                            .json()
                            .path("orderId")
                            .path("value")
                            .asText();
                    if (!incidents.containsKey(order)) {
                        continue; // an order merged away meanwhile
                    }
                    String submit = "/engine-rest/task/" + id + "/submit-form";
                    Http.Response done = switch (task.path("taskDefinitionKey").asText()) {
                        case "Task_AcceptRepairOrder" -> crew.getValue().post(submit, form("acceptDecision", "ACCEPT"));
                        case "Task_ConfirmArrival" -> {
                            JsonNode briefing = crew.getValue()
                                    .get("/api/repair-orders/" + order + "/briefing")
                                    .json();
                            assertThat(crew.getValue()
                                            .post(
                                                    "/api/crews/" + crewOfUser.get(crew.getKey()) + "/positions",
                                                    Map.of(
                                                            "lat",
                                                            briefing.path("lat").asDouble() + 0.001,
                                                            "lng",
                                                            briefing.path("lng").asDouble()))
                                            .status())
                                    .isEqualTo(202);
                            crewOfIncident.put(order, crew.getKey());
                            // on its way, the crew asks a customer of the order (a thread on MariaDB)
                            String reportId = briefing.path("reports")
                                    .get(0)
                                    .path("reportId")
                                    .asText();
                            assertThat(crew.getValue()
                                            .post(
                                                    "/api/repair-orders/" + order + "/messages",
                                                    Map.of("reportId", reportId, "text", "快到了，我的号 13912345678"))
                                            .status())
                                    .isEqualTo(201);
                            JsonNode thread = crew.getValue()
                                    .get("/api/repair-orders/" + order + "/messages")
                                    .json();
                            assertThat(thread.findValuesAsText("reportId")).contains(reportId);
                            assertThat(thread.toString()).contains("快到了").doesNotContain("13912345678");
                            yield crew.getValue().post(submit, form());
                        }
                        case "Task_DiagnoseFault" ->
                            crew.getValue().post(submit, form("cause", "FUSE_BLOWN", "etr", etr));
                        case "Task_CompleteRepair" -> {
                            assertThat(crew.getValue()
                                            .upload(
                                                    "/api/repair-orders/" + order + "/photos",
                                                    "file",
                                                    "done.jpg",
                                                    "image/jpeg",
                                                    RepairApiTest.JPEG,
                                                    Map.of())
                                            .status())
                                    .isEqualTo(201);
                            yield crew.getValue().post(submit, form("resolution", "REPLACED_FUSE"));
                        }
                        default -> throw new AssertionError("unexpected crew task " + task);
                    };
                    assertThat(done.status())
                            .as(task.path("taskDefinitionKey").asText() + ": " + done)
                            .isEqualTo(204);
                }
            }
            for (JsonNode task : list(dispatcher
                    .get("/engine-rest/task?candidateGroup=dispatchers")
                    .json())) {
                String order = dispatcher
                        .get("/engine-rest/task/" + task.path("id").asText() + "/form-variables")
                        .json()
                        .path("orderId")
                        .path("value")
                        .asText();
                if (!incidents.containsKey(order)) {
                    continue; // another test's order
                }
                worked = true;
                String submit = "/engine-rest/task/" + task.path("id").asText() + "/submit-form";
                Http.Response done = switch (task.path("taskDefinitionKey").asText()) {
                    case "Task_ReviewRepairOrder" -> dispatcher.post(submit, form("reviewDecision", "APPROVE"));
                    case "Task_HandleLateArrival" -> dispatcher.post(submit, form("lateCause", "WEATHER"));
                    case "Task_DispatchCrewManually" -> {
                        JsonNode options = dispatcher
                                .get("/engine-rest/task/" + task.path("id").asText()
                                        + "/form-variables?variableNames=candidateCrews")
                                .json()
                                .path("candidateCrews");
                        String first = list(JsonMapper.builder()
                                        .build()
                                        .readTree(options.path("value").asText()))
                                .get(0)
                                .path("value")
                                .asText();
                        yield dispatcher.post(submit, form("chosenCrewId", first));
                    }
                    default -> throw new AssertionError("unexpected dispatcher task " + task);
                };
                assertThat(done.status())
                        .as(task.path("taskDefinitionKey").asText() + ": " + done)
                        .isEqualTo(204);
            }
            if (!worked) {
                sleep();
            }
        }

        // customers confirm and rate; then the rating window is cut short by an administrator running its timer
        int stars = 2;
        Map<String, List<Integer>> starsOfIncident = new HashMap<>();
        for (var entry : incidents.entrySet()) {
            for (JsonNode answer : entry.getValue()) {
                String base = "/api/reports/" + answer.path("reportId").asText();
                String token = "?token=" + answer.path("trackingToken").asText();
                until(
                        "restored " + base,
                        () -> track(answer),
                        v -> v.path("status").asText().equals("RESTORED"));
                assertThat(anonymous
                                .post(base + "/confirmation" + token, Map.of("powerRestored", true))
                                .status())
                        .isEqualTo(202);
                until(
                        "rating " + base,
                        () -> track(answer),
                        v -> v.path("status").asText().equals("RATING"));
                stars = stars == 5 ? 2 : stars + 1;
                starsOfIncident
                        .computeIfAbsent(entry.getKey(), i -> new ArrayList<>())
                        .add(stars);
                assertThat(anonymous
                                .post(base + "/rating" + token, Map.of("stars", stars))
                                .status())
                        .isEqualTo(202);
            }
        }
        for (String incident : incidents.keySet()) {
            String instance = list(admin.get("/engine-rest/process-instance?businessKey=" + incident)
                            .json())
                    .get(0)
                    .path("id")
                    .asText();
            JsonNode timer = list(admin.get("/engine-rest/job?processInstanceId=" + instance
                                    + "&activityId=Event_RatingWindowPassed")
                            .json())
                    .get(0);
            assertThat(admin.post("/engine-rest/job/" + timer.path("id").asText() + "/execute", "{}")
                            .status())
                    .isEqualTo(204);
        }
        for (String incident : incidents.keySet()) {
            until(
                    "closed " + incident,
                    () -> dispatcher.get("/api/incidents/" + incident).json(),
                    v -> v.path("state").asText().equals("CLOSED"));
        }

        // what the customers saw, and what the crews' records say
        for (JsonNode answer : answers) {
            JsonNode view = track(answer);
            assertThat(view.path("incident").path("crew").path("employeeNo").asText())
                    .isNotBlank();
            assertThat(view.path("incident").path("photos")).hasSize(1);
            assertThat(view.path("timeline").findValuesAsText("type"))
                    .containsSubsequence("RECEIVED", "ACKNOWLEDGED", "ACCEPTED", "ARRIVED", "DIAGNOSED", "REPAIRED")
                    .contains("REVIEWED", "RESTORED", "CONFIRMED", "RATED");
        }
        Map<String, List<Integer>> starsOfCrew = new HashMap<>();
        crewOfIncident.forEach((incident, user) ->
                starsOfCrew.computeIfAbsent(user, u -> new ArrayList<>()).addAll(starsOfIncident.get(incident)));
        for (var entry : starsOfCrew.entrySet()) {
            String crewId = crewOfUser.get(entry.getKey());
            JsonNode stats = crewUsers
                    .get(entry.getKey())
                    .get("/api/crews/" + crewId + "/stats")
                    .json();
            long orders = crewOfIncident.values().stream()
                    .filter(entry.getKey()::equals)
                    .count();
            assertThat(stats.path("orders").asLong()).as(stats.toString()).isEqualTo(orders);
            assertThat(stats.path("arrivals").asLong()).isEqualTo(orders);
            assertThat(stats.path("ratingsCount").asInt())
                    .isEqualTo(entry.getValue().size());
            double average = entry.getValue().stream()
                    .mapToInt(Integer::intValue)
                    .average()
                    .orElseThrow();
            assertThat(stats.path("averageRating").asDouble()).isCloseTo(average, Offset.offset(0.01));
            assertThat(stats.path("averageMinutesToArrive").isNumber()).isTrue();
        }
        auditAfterTheStorm(answers, secrets, output);
    }

    /**
     * After the storm: no phone number, name or address in Camunda's history, runtime variables or byte arrays, nor
     * in the log; an auditor traces a report over HTTP (Tasklist completions by the crews' users included), sees
     * personal data masked unless in the pii group, and the audit chain verifies.
     */
    private void auditAfterTheStorm(List<JsonNode> answers, List<String> secrets, CapturedOutput output) {
        assertThat(PrivacyScan.engineTables(jdbc, secrets))
                .as("personal data in the engine's tables")
                .isEmpty();
        for (String secret : secrets) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }

        Http auditor = anonymous.as(TestUsers.AUDITOR, TestUsers.PASSWORD);
        String reportId = answers.get(0).path("reportId").asText();
        JsonNode trace =
                auditor.get("/api/audit/reports/" + reportId + "/trace").json();
        List<String> types = trace.path("entries").findValuesAsText("type");
        assertThat(types)
                .contains(
                        "REPORT_RECEIVED",
                        "CREW_OFFERED",
                        "ACCEPTED",
                        "ARRIVED",
                        "DIAGNOSED",
                        "PHOTO_ADDED",
                        "REPAIRED",
                        "REVIEWED",
                        "CONFIRMED_RESTORED",
                        "RATED",
                        "OPERATION_Complete");
        List<String> completers = new ArrayList<>();
        trace.path("entries").forEach(e -> {
            if (e.path("type").asText().equals("OPERATION_Complete")) {
                completers.add(e.path("actor").asText());
            }
        });
        assertThat(completers).anyMatch(crewUsers::containsKey).contains(TestUsers.DISPATCHER);
        assertThat(trace.path("masked").asBoolean()).isTrue();
        assertThat(trace.toString()).doesNotContain(secrets.get(0)).doesNotContain(secrets.get(1));
        assertThat(trace.path("customer").path("reportedPhone").asText()).contains("****");

        assertThat(auditor.get("/api/audit/reports/" + reportId + "/trace?unmask=true")
                        .status())
                .isEqualTo(403);
        JsonNode full = anonymous
                .as(TestUsers.PRIVACY_AUDITOR, TestUsers.PASSWORD)
                .get("/api/audit/reports/" + reportId + "/trace?unmask=true")
                .json();
        assertThat(full.path("customer").path("reportedPhone").asText()).isEqualTo(secrets.get(0));
        assertThat(auditor.get("/api/audit/reports/" + reportId + "/trace")
                        .json()
                        .path("entries")
                        .findValuesAsText("type"))
                .contains("PII_VIEWED");
        JsonNode verify = auditor.get("/api/audit/verify").json();
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("checked").asLong()).isPositive();
    }

    private long reviewed(Set<String> incidents) {
        return incidents.stream()
                .filter(incident -> {
                    JsonNode briefing = dispatcher
                            .get("/api/repair-orders/" + incident + "/briefing")
                            .json();
                    return briefing.path("timeline").findValuesAsText("type").contains("REVIEWED");
                })
                .count();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
