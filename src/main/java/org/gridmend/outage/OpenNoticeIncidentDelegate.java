package org.gridmend.outage;

import static org.gridmend.core.ProcessConstants.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Open or join incident": a fault notice puts its device's outage on a repair order; its id is kept. */
@Component
class OpenNoticeIncidentDelegate implements JavaDelegate {

    private final OutageNoticeService notices;

    OpenNoticeIncidentDelegate(OutageNoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long noticeId = ProcessVariables.noticeId(execution);
        execution.setVariable(INCIDENT_ID, notices.openIncident(noticeId));
    }
}
