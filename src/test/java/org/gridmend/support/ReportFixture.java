package org.gridmend.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridmend.core.PublicIds;
import org.gridmend.customer.CustomerSession;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.report.Channel;
import org.gridmend.report.FaultReportStarter;
import org.gridmend.report.ReportAnswer;
import org.gridmend.report.ReportIntakeService;
import org.gridmend.report.ReportMapper;
import org.gridmend.report.ReportRecord;
import org.gridmend.report.ReportRequest;
import org.springframework.stereotype.Component;

/**
 * Reports for tests, sent through the real intake: a small grid of its own per test (so rate limits and incidents
 * of other tests do not interfere), reports by customer or by location, and their process instances.
 */
@Component
public class ReportFixture {

    private final GridImportService importer;
    private final ReportIntakeService intake;
    private final ReportMapper reports;
    private final RuntimeService runtime;
    private final FaultReportStarter starter;

    ReportFixture(
            GridImportService importer,
            ReportIntakeService intake,
            ReportMapper reports,
            RuntimeService runtime,
            FaultReportStarter starter) {
        this.importer = importer;
        this.intake = intake;
        this.reports = reports;
        this.runtime = runtime;
        this.starter = starter;
    }

    /** A fresh {@link TestGrids#small} somewhere nobody else is. */
    public Grid newGrid() {
        String p = TestGrids.prefix();
        double lat = 20 + ThreadLocalRandom.current().nextDouble(30);
        double lng = 75 + ThreadLocalRandom.current().nextDouble(55);
        GridDocument doc = TestGrids.small(p, lat, lng);
        importer.importDocument(doc);
        return new Grid(p, lat, lng, doc);
    }

    public record Grid(String p, double lat, double lng, GridDocument doc) {

        public String customer(int n) {
            return p + "C" + n;
        }

        public String node(String suffix) {
            return p + "-" + suffix;
        }
    }

    public ReportAnswer byCustomer(String customerNo) {
        return submit(new ReportRequest(
                UUID.randomUUID().toString(), Channel.APP, customerNo, null, null, null, "停电了", null));
    }

    public ReportAnswer onlyMyHome(String customerNo) {
        return submit(new ReportRequest(
                UUID.randomUUID().toString(), Channel.APP, customerNo, null, null, null, "只有我家停电", true));
    }

    public ReportAnswer atLocation(double lat, double lng) {
        return submit(new ReportRequest(
                UUID.randomUUID().toString(),
                Channel.WECHAT,
                null,
                null,
                new ReportRequest.Location(lat, lng, null),
                null,
                null,
                null));
    }

    /** A customer number the archive does not hold, typed with a location outside the grid: a dispatcher's task. */
    public ReportAnswer unknownCustomerFarAway(String customerNo, double lat, double lng) {
        return submit(new ReportRequest(
                UUID.randomUUID().toString(),
                Channel.WEB,
                customerNo,
                null,
                new ReportRequest.Location(lat, lng, null),
                "人民大街 8 号",
                "楼里都停了",
                null));
    }

    public ReportAnswer submit(ReportRequest request) {
        return intake.submit(request, "127.0.0.1").answer();
    }

    /** A report from a customer signed in with the phone that holds this customer number (the app's case). */
    public ReportAnswer signedIn(ReportRequest request) {
        return intake.submit(
                        request,
                        "127.0.0.1",
                        new CustomerSession(
                                "+8613800000000",
                                List.of(request.customerNo()),
                                Instant.now().plusSeconds(3600)))
                .answer();
    }

    public ReportRecord record(ReportAnswer answer) {
        return reports.findById(PublicIds.parseReport(answer.reportId()));
    }

    /** The report's process; started here if the starter has not got to it yet. */
    public ProcessInstance process(ReportAnswer answer) {
        starter.startPending();
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(answer.reportId())
                .singleResult();
    }
}
