package org.gridmend.notify;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.report.ReportAnswer;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.ReportFixture;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class NotificationDeliveryTest extends NotificationDeliveryContract {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ReportFixture reports;

    @Override
    long activeRepairOrder() {
        BpmnAwareTests.init(engine);
        ReportFixture.Grid g = reports.newGrid();
        ReportAnswer answer = reports.byCustomer(g.customer(1));
        execute(job(reports.process(answer)));
        return reports.record(answer).incidentId();
    }
}
