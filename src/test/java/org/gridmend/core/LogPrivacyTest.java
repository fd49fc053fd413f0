package org.gridmend.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.security.StaffIdentitySetup;
import org.gridmend.support.GridMendTest;
import org.gridmend.support.Http;
import org.gridmend.support.TestGrids;
import org.gridmend.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Log lines are for operators: ids, counts and durations, never a customer's phone, name or address. */
@GridMendTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

    @LocalServerPort
    int port;

    @Autowired
    GridImportService importer;

    @Autowired
    StaffIdentitySetup staff;

    @Test
    void importingAndReadingTheArchiveLogsNoPersonalData(CapturedOutput output) {
        TestUsers.create(staff);
        String p = TestGrids.prefix();
        GridDocument doc = TestGrids.small(p, 33.0, 103.0);
        importer.importDocument(doc);
        Http admin = Http.anonymous(port).as(TestUsers.ADMIN, TestUsers.PASSWORD);
        admin.get("/api/grid/transformers/" + p + "-T1");
        admin.get("/api/grid/customers/" + p + "C1");
        // a rejected document is logged too
        admin.post(
                "/api/grid/import",
                "{\"customers\": [{\"customerNo\": \"" + p + "X\", \"phone\": \"13999999999\", "
                        + "\"name\": \"孙悟空\", \"transformerId\": \"nowhere\", \"address\": \"花果山水帘洞\"}]}");

        assertThat(output.getAll()).contains("grid import done").contains("grid import rejected");
        for (GridDocument.Customer c : doc.customers()) {
            assertThat(output.getAll())
                    .doesNotContain(c.phone())
                    .doesNotContain(c.name())
                    .doesNotContain(c.address());
        }
        assertThat(output.getAll())
                .doesNotContain("13999999999")
                .doesNotContain("孙悟空")
                .doesNotContain("花果山");
    }
}
