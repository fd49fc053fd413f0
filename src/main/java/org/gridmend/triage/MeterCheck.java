package org.gridmend.triage;

import org.springframework.stereotype.Component;

/**
 * The RepairOrder's "Ask the meters first?" gateway and its wait, by a bean name designers can write in BPMN:
 * {@code ${meterCheck.wanted(incidentId)}}, {@code ${meterCheck.answerWait}}.
 */
@Component("meterCheck")
public class MeterCheck {

    private final MeterPingService pings;
    private final AmiProperties properties;

    MeterCheck(MeterPingService pings, AmiProperties properties) {
        this.pings = pings;
        this.properties = properties;
    }

    public boolean wanted(Object incidentId) {
        return pings.wanted(((Number) incidentId).longValue());
    }

    public String getAnswerWait() {
        return properties.answerWait().toString();
    }
}
