package org.gridmend.demo;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.CAMUNDA_ADMIN;
import static org.gridmend.core.StaffGroups.CREWS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;

import java.util.Locale;

import org.gridmend.core.StaffGroups;
import org.gridmend.grid.GridArchiveService;
import org.gridmend.grid.GridImportResult;
import org.gridmend.grid.GridImportService;
import org.gridmend.security.StaffIdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users (password {@value #PASSWORD}, printed in the README) and, on the first start, the demo
 * grid. Never active outside the demo profile.
 */
@Component
@Profile("demo")
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final StaffIdentitySetup staff;
    private final GridArchiveService archive;
    private final GridImportService importer;

    DemoDataLoader(StaffIdentitySetup staff, GridArchiveService archive, GridImportService importer) {
        this.staff = staff;
        this.archive = archive;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        staff.user("admin", "Demo", "Administrator", PASSWORD, ADMINS, CAMUNDA_ADMIN);
        staff.user("dispatcher", "Demo", "Dispatcher", PASSWORD, DISPATCHERS);
        staff.user("auditor", "Demo", "Auditor", PASSWORD, AUDITORS);
        staff.user("privacy", "Demo", "Privacy officer", PASSWORD, AUDITORS, StaffGroups.PII);
        for (int i = 1; i <= DemoGrid.CREWS; i++) {
            String user = String.format(Locale.ROOT, "crew%02d", i);
            staff.user(user, "Crew", String.format(Locale.ROOT, "C-%02d", i), PASSWORD, CREWS);
        }
        if (archive.isEmpty()) {
            long started = System.nanoTime();
            GridImportResult result = importer.importDocument(DemoGrid.generate());
            log.info(
                    "demo grid loaded transformers={} customers={} crews={} durationMs={}",
                    result.transformers().inserted(),
                    result.customers().inserted(),
                    result.crews().inserted(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
