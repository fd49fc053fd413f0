package org.gridmend.triage;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.grid.GridLookupService;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.ReportFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/repair-order.bpmn as triage drives it: opened with each incident, ended when merged upstream. */
@ProcessTest
class RepairOrderProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ReportFixture fixture;
    @Autowired
    IncidentService incidents;
    @Autowired
    GridLookupService grid;

    ReportFixture.Grid g;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        g = fixture.newGrid();
    }

    private ProcessInstance order(IncidentRecord incident) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(incident.publicId()).singleResult();
    }

    @Test
    void anIncidentOpensItsRepairOrderAndAMergeEndsIt() {
        var feeder = grid.topology(g.node("F"));
        IncidentRecord child = incidents.openOrGet(feeder, g.node("T1"), TriageRule.FIRST_REPORT, "test",
                java.time.Instant.now()).incident();
        ProcessInstance order = order(child);
        assertThat(order).isStarted().hasPassed("StartEvent_RepairOrderOpened").isWaitingAt("Event_RepairOrderMerged")
                .variables().containsEntry("incidentId", child.id());

        IncidentRecord parent = incidents.openOrGet(feeder, g.node("FU"), TriageRule.ROLLUP_TRANSFORMERS, "test",
                java.time.Instant.now()).incident();
        incidents.absorb(parent, java.util.List.of(child), TriageRule.ROLLUP_TRANSFORMERS, "test");

        assertThat(order).isEnded().hasPassed("EndEvent_RepairOrderMerged").variables()
                .containsEntry("mergedIntoId", parent.id());
        assertThat(order(parent)).isWaitingAt("Event_RepairOrderMerged");
    }
}
