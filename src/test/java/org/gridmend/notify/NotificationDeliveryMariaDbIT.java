package org.gridmend.notify;

import org.gridmend.report.ReportAnswer;
import org.gridmend.support.Await;
import org.gridmend.support.MariaDbTest;
import org.gridmend.support.ReportFixture;
import org.springframework.beans.factory.annotation.Autowired;

@MariaDbTest
class NotificationDeliveryMariaDbIT extends NotificationDeliveryContract {

    @Autowired
    ReportFixture reports;

    @Override
    long activeRepairOrder() {
        ReportFixture.Grid g = reports.newGrid();
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        reports.process(answer);
        Await.until(() -> reports.record(answer).incidentId() != null, 30);
        return reports.record(answer).incidentId();
    }
}
