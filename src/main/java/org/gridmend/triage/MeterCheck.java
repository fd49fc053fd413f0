package org.gridmend.triage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The RepairOrder's "Ask the meters first?" gateway and its wait, by a bean name designers can write in BPMN:
 * {@code ${meterCheck.wanted(execution)}}, {@code ${meterCheck.answerWait}}.
 */
@Component("meterCheck")
public class MeterCheck {

    private final MeterPingService pings;
    private final AmiProperties properties;

    MeterCheck(MeterPingService pings, AmiProperties properties) {
        this.pings = pings;
        this.properties = properties;
    }

    public boolean wanted(DelegateExecution execution) {
        return pings.wanted(ProcessVariables.incidentId(execution));
    }

    public String getAnswerWait() {
        return properties.answerWait().toString();
    }
}
