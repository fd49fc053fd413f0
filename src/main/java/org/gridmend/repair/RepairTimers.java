package org.gridmend.repair;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The RepairOrder process's timers and limits, by a bean name designers can write in BPMN:
 * {@code ${repairTimers.acceptWindow}}, {@code ${repairTimers.arrivalDeadline(execution)}},
 * {@code ${dispatchTries < repairTimers.maxDispatchTries}}.
 */
@Component("repairTimers")
public class RepairTimers {

    private final RepairProperties properties;
    private final RepairOrderMapper orders;

    RepairTimers(RepairProperties properties, RepairOrderMapper orders) {
        this.properties = properties;
        this.orders = orders;
    }

    public String getAcceptWindow() {
        return properties.acceptWindow().toString();
    }

    public String getRatingWindow() {
        return properties.ratingWindow().toString();
    }

    public int getMaxDispatchTries() {
        return properties.maxDispatchTries();
    }

    /** When the crew must be on site: the incident's first report plus the commitment for its area type. */
    public Date arrivalDeadline(DelegateExecution execution) {
        RepairOrderRecord order = orders.find(ProcessVariables.incidentId(execution));
        return Date.from(
                order.firstReportAt().plus(properties.arrivalCommitment().of(order.areaType())));
    }
}
