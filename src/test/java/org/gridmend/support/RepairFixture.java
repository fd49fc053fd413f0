package org.gridmend.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.PublicIds;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.grid.Skill;
import org.gridmend.repair.CrewRecord;
import org.gridmend.repair.CrewService;
import org.springframework.stereotype.Component;

/**
 * A {@link TestGrids#small} grid with four crews that have users, for repair orders: K1 to K4 stand 1, 3, 5 and
 * 7 km north of transformer T1 once {@link Grid#placeCrews()} reports their positions; K4 alone also works on
 * medium voltage. Crew users are {@code <prefix>k1} to {@code <prefix>k4}.
 */
@Component
public class RepairFixture {

    /** Degrees of latitude north of T1 where K1..K4 stand: about 1, 3, 5 and 7 km. */
    static final double[] NORTH = {0.009, 0.027, 0.045, 0.063};

    private final GridImportService importer;
    private final CrewService crews;
    private final ProcessEngine engine;

    RepairFixture(GridImportService importer, CrewService crews, ProcessEngine engine) {
        this.importer = importer;
        this.crews = crews;
        this.engine = engine;
    }

    /** The incident's RepairOrder process, or null once it ended. */
    public ProcessInstance order(long incidentId) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(PublicIds.incident(incidentId))
                .singleResult();
    }

    /** The process instance's task at this activity, once the job executor got there (up to 40 s). */
    public Task awaitTask(String processInstanceId, String activity) {
        Await.until(
                () -> engine.getTaskService()
                                .createTaskQuery()
                                .processInstanceId(processInstanceId)
                                .taskDefinitionKey(activity)
                                .count()
                        == 1,
                40);
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(activity)
                .singleResult();
    }

    /** Completes the task as this user of this group would in Tasklist, with Camunda's authorization checks. */
    public void completeAs(String user, String group, Task task, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * The crew that accepted works the order to the end as Tasklist would: arrives (placed at the fault), diagnoses a
     * blown fuse with an ETR two hours ahead, and completes the repair; power is back.
     */
    public void workToRestoration(Grid g, String crewUser, String processInstanceId) {
        g.crewAtFault(Integer.parseInt(crewUser.substring(crewUser.length() - 1)));
        completeAs(crewUser, "crews", awaitTask(processInstanceId, "Task_ConfirmArrival"), Map.of());
        completeAs(
                crewUser,
                "crews",
                awaitTask(processInstanceId, "Task_DiagnoseFault"),
                Map.of("cause", "FUSE_BLOWN", "etr", hoursAhead(2)));
        completeAs(
                crewUser,
                "crews",
                awaitTask(processInstanceId, "Task_CompleteRepair"),
                Map.of("resolution", "REPLACED_FUSE"));
    }

    /** A time as a crew's form sends it: China time, whole minutes, this many hours from now. */
    public static String hoursAhead(double hours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8))
                .plusMinutes((long) (hours * 60))
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    public Grid newGrid() {
        String p = TestGrids.prefix();
        double lat = 20 + ThreadLocalRandom.current().nextDouble(30);
        double lng = 75 + ThreadLocalRandom.current().nextDouble(55);
        GridDocument small = TestGrids.small(p, lat, lng);
        List<GridDocument.Crew> crewList = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            List<Skill> skills = k == 4 ? List.of(Skill.LV, Skill.MV) : List.of(Skill.LV);
            crewList.add(new GridDocument.Crew(
                    p + "-K" + k,
                    (p + "0" + k).toUpperCase(Locale.ROOT),
                    "班组" + k,
                    "1300000000" + k,
                    p + "-ST",
                    p + "k" + k,
                    skills,
                    lat,
                    lng));
        }
        GridDocument doc = new GridDocument(
                small.stations(),
                small.substations(),
                small.feeders(),
                small.devices(),
                small.transformers(),
                small.customers(),
                crewList);
        importer.importDocument(doc);
        return new Grid(new ReportFixture.Grid(p, lat, lng, doc), this);
    }

    public record Grid(ReportFixture.Grid grid, RepairFixture fixture) {

        public String p() {
            return grid.p();
        }

        public String crew(int k) {
            return grid.p() + "-K" + k;
        }

        public String user(int k) {
            return grid.p() + "k" + k;
        }

        public String customer(int n) {
            return grid.customer(n);
        }

        public String node(String suffix) {
            return grid.node(suffix);
        }

        /** T1's position: where a transformer-level fault on T1 is. */
        public double[] t1() {
            return new double[] {grid.lat() + 0.001, grid.lng()};
        }

        /** Reports K1..K4's positions now, 1 to 7 km north of T1. */
        public Grid placeCrews() {
            for (int k = 1; k <= 4; k++) {
                moveCrew(k, t1()[0] + NORTH[k - 1], t1()[1]);
            }
            return this;
        }

        public void moveCrew(int k, double lat, double lng) {
            CrewRecord crew = fixture.crews.crew(crew(k));
            fixture.crews.recordPosition(crew, lat, lng, null, null);
        }

        /** Puts the crew right at T1. */
        public void crewAtFault(int k) {
            moveCrew(k, t1()[0] + 0.0005, t1()[1]);
        }
    }
}
