package org.gridmend.custody;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The CustodyContract process's timers, by a bean name designers write in BPMN: {@code ${custodyTimers.offerWindow}}
 * (14 days to sign), {@code ${custodyTimers.inspectionGrace}} (3 days before an inspection is overdue), and the dates
 * of the next round, the month's end, the renewal offer and the contract's end.
 */
@Component("custodyTimers")
public class CustodyTimers {

    private final CustodyStepsService steps;
    private final InspectionStepsService inspections;

    CustodyTimers(CustodyStepsService steps, InspectionStepsService inspections) {
        this.steps = steps;
        this.inspections = inspections;
    }

    public String getOfferWindow() {
        return "P14D";
    }

    public String getInspectionGrace() {
        return "P3D";
    }

    public Date nextRound(DelegateExecution execution) {
        return Date.from(inspections.nextRoundAt(ProcessVariables.custodyId(execution)));
    }

    public Date nextMonth(DelegateExecution execution) {
        return Date.from(inspections.nextMonth());
    }

    public Date renewalAt(DelegateExecution execution) {
        return Date.from(steps.renewalAt(ProcessVariables.custodyId(execution)));
    }

    public Date endsAt(DelegateExecution execution) {
        return Date.from(steps.endsAt(ProcessVariables.custodyId(execution)));
    }
}
