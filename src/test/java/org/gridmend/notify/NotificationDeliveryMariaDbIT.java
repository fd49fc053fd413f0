package org.gridmend.notify;

import org.camunda.bpm.engine.ManagementService;
import org.gridmend.core.PublicIds;
import org.gridmend.report.ReportAnswer;
import org.gridmend.support.Await;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.ReportFixture;
import org.springframework.beans.factory.annotation.Autowired;

@MariaDbTest
class NotificationDeliveryMariaDbIT extends NotificationDeliveryContract {

    @Autowired
    ReportFixture reports;

    @Autowired
    ManagementService management;

    @Override
    long activeRepairOrder() {
        ReportFixture.Grid g = reports.newGrid();
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        reports.process(answer);
        Await.until(() -> reports.record(answer).incidentId() != null, 30);
        long incidentId = reports.record(answer).incidentId();
        // the job executor runs here: let the order reach its first wait state (the crew's acceptance) so that the
        // test's own Cockpit incident does not race the order's first steps (the dispatcher retries such a race,
        // but only for a few seconds)
        String order = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(PublicIds.incident(incidentId))
                .singleResult()
                .getId();
        Await.until(
                () -> management
                                .createJobQuery()
                                .processInstanceId(order)
                                .executable()
                                .count()
                        == 0,
                30);
        return incidentId;
    }
}
