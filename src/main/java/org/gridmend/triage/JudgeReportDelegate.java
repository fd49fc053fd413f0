package org.gridmend.triage;

import static org.gridmend.core.ProcessConstants.BEHIND_METER;
import static org.gridmend.core.ProcessConstants.PLANNED_OUTAGE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Judge report": planned or announced outage? Fault behind the meter? */
@Component
class JudgeReportDelegate implements JavaDelegate {

    private final JudgeService judge;

    JudgeReportDelegate(JudgeService judge) {
        this.judge = judge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JudgeService.Judgement judgement = judge.judgeReport(ProcessVariables.reportId(execution));
        execution.setVariable(PLANNED_OUTAGE, judgement.plannedOutage());
        execution.setVariable(BEHIND_METER, judgement.behindMeter());
    }
}
