package org.gridmend.demo;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.CAMUNDA_ADMIN;
import static org.gridmend.core.StaffGroups.CREWS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.core.StaffGroups;
import org.gridmend.grid.GeoPoint;
import org.gridmend.grid.GridArchiveService;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportResult;
import org.gridmend.grid.GridImportService;
import org.gridmend.learning.CertificationService;
import org.gridmend.learning.CourseDocument;
import org.gridmend.learning.CourseImportService;
import org.gridmend.learning.LearningService;
import org.gridmend.repair.GridAssignmentService;
import org.gridmend.security.StaffIdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users (password {@value #PASSWORD}, printed in the README) and, on the first start, the demo
 * grid. Never active outside the demo profile.
 */
@Component
@Profile("demo")
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final double GRID_REACH_M = 15_000;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final StaffIdentitySetup staff;
    private final GridArchiveService archive;
    private final GridImportService importer;
    private final GridAssignmentService grids;
    private final CourseImportService courses;
    private final CertificationService certifications;
    private final LearningService learning;
    private final ObjectMapper json;

    private final DemoElectricians electricians;
    private final DemoCustody custody;
    private final DemoRental rental;

    DemoDataLoader(
            StaffIdentitySetup staff,
            GridArchiveService archive,
            GridImportService importer,
            GridAssignmentService grids,
            CourseImportService courses,
            CertificationService certifications,
            LearningService learning,
            DemoElectricians electricians,
            DemoCustody custody,
            DemoRental rental,
            ObjectMapper json) {
        this.rental = rental;
        this.electricians = electricians;
        this.custody = custody;
        this.courses = courses;
        this.certifications = certifications;
        this.learning = learning;
        this.json = json;
        this.staff = staff;
        this.archive = archive;
        this.importer = importer;
        this.grids = grids;
    }

    @Override
    public void run(ApplicationArguments args) {
        staff.user("admin", "Demo", "Administrator", PASSWORD, ADMINS, CAMUNDA_ADMIN);
        staff.user("dispatcher", "Demo", "Dispatcher", PASSWORD, DISPATCHERS);
        staff.user("auditor", "Demo", "Auditor", PASSWORD, AUDITORS);
        staff.user("lead", "Demo", "Station lead", PASSWORD, StaffGroups.LEADS);
        staff.user("custody", "Demo", "Custody dispatcher", PASSWORD, StaffGroups.CUSTODY);
        staff.user("rental", "Demo", "Rental staff", PASSWORD, StaffGroups.RENTAL);
        staff.user("privacy", "Demo", "Privacy officer", PASSWORD, AUDITORS, StaffGroups.PII);
        for (int i = 1; i <= DemoGrid.CREWS; i++) {
            String user = String.format(Locale.ROOT, "crew%02d", i);
            staff.user(user, "Crew", String.format(Locale.ROOT, "C-%02d", i), PASSWORD, CREWS);
        }
        if (archive.isEmpty()) {
            long started = System.nanoTime();
            GridDocument document = DemoGrid.generate();
            GridImportResult result = importer.importDocument(document);
            drawGrids(document);
            loadCourses();
            electricians.load();
            custody.load();
            rental.load();
            log.info(
                    "demo grid loaded transformers={} customers={} crews={} durationMs={}",
                    result.transformers().inserted(),
                    result.customers().inserted(),
                    result.crews().inserted(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * The demo's grids: each transformer area belongs to the crew living nearest it, the next crew of the same station
     * is its deputy; areas farther than {@value #GRID_REACH_M} m from every crew are left without a grid member, as
     * the remote ones of a utility still drawing its grids are.
     */
    private void drawGrids(GridDocument document) {
        Map<String, List<String>> areas = new TreeMap<>();
        for (GridDocument.Transformer t : document.transformers()) {
            GridDocument.Crew nearest = null;
            double best = Double.MAX_VALUE;
            for (GridDocument.Crew c : document.crews()) {
                double d = new GeoPoint(c.lat(), c.lng()).distanceM(t.lat(), t.lng());
                if (d < best) {
                    best = d;
                    nearest = c;
                }
            }
            if (nearest != null && best <= GRID_REACH_M) {
                areas.computeIfAbsent(nearest.id(), k -> new ArrayList<>()).add(t.id());
            }
        }
        List<GridDocument.Crew> crews = document.crews();
        for (int i = 0; i < crews.size(); i++) {
            GridDocument.Crew crew = crews.get(i);
            GridDocument.Crew next = crews.get(i % 5 == 4 ? i - 4 : Math.min(i + 1, crews.size() - 1));
            List<String> mine = areas.getOrDefault(crew.id(), List.of());
            if (!mine.isEmpty()) {
                grids.assign(crew.id(), mine, next.id().equals(crew.id()) ? null : next.id(), "demo");
            }
        }
        log.info(
                "demo grids drawn grids={} areas={}",
                areas.size(),
                areas.values().stream().mapToInt(List::size).sum());
    }

    /**
     * The demo's courses (a course and an exam per skill), and two crews whose certifications run out soon: C-03's
     * low voltage in 20 days and C-04's medium voltage in 12, so that the sweep assigns them their courses at once.
     */
    private void loadCourses() {
        try (InputStream in = new ClassPathResource("demo/courses.json").getInputStream()) {
            courses.importCourses(json.readValue(in, CourseDocument.class), "demo");
        } catch (IOException e) {
            throw new UncheckedIOException("demo/courses.json", e);
        }
        certifications.certify("C-03", "LV", Duration.ofDays(20), "IMPORT", "demo");
        certifications.certify("C-04", "MV", Duration.ofDays(12), "IMPORT", "demo");
        log.info("demo courses loaded learningsAssigned={}", learning.sweep().size());
    }
}
