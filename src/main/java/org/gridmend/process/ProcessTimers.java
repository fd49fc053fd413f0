package org.gridmend.process;

import org.springframework.stereotype.Component;

/**
 * The process waiting times as ISO-8601 durations for BPMN timer events, by a bean name designers can write:
 * {@code <timeDuration>${processTimers.ratingWindow}</timeDuration>}.
 */
@Component("processTimers")
public class ProcessTimers {

    private final ProcessTimerProperties properties;

    ProcessTimers(ProcessTimerProperties properties) {
        this.properties = properties;
    }

    public String getElectricianChoiceWindow() {
        return properties.electricianChoiceWindow().toString();
    }

    public String getConfirmationWindow() {
        return properties.confirmationWindow().toString();
    }

    public String getRatingWindow() {
        return properties.ratingWindow().toString();
    }
}
