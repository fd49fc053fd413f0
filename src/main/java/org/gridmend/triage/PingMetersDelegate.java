package org.gridmend.triage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Ask meters below the device": pings a sample of meters through the AMI head-end and re-evaluates the prediction
 * with their answers (the order's incident may move up or down). Sets nothing; a failing head-end throws, so the job
 * retries until the boundary timer stops waiting.
 */
@Component
class PingMetersDelegate implements JavaDelegate {

    private final MeterPingService pings;

    PingMetersDelegate(MeterPingService pings) {
        this.pings = pings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pings.ping(ProcessVariables.incidentId(execution));
    }
}
