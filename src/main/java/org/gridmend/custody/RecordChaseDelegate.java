package org.gridmend.custody;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record chase": the custody dispatcher called the electrician about the overdue inspection. */
@Component
class RecordChaseDelegate implements JavaDelegate {

    private final AuditTrail audit;

    RecordChaseDelegate(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        audit.record(AuditEntry.of("CUSTODY_OVERDUE_CHASED")
                .user(ProcessVariables.actor(execution))
                .subject(PublicIds.custody(ProcessVariables.custodyId(execution)))
                .detail("contacted", execution.getVariable("chaseContacted")));
        execution.removeVariable("chaseContacted");
    }
}
