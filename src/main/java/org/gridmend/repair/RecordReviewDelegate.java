package org.gridmend.repair;

import static org.gridmend.core.ProcessConstants.REVIEW_APPROVED;
import static org.gridmend.core.ProcessConstants.REVIEW_DECISION;
import static org.gridmend.core.ProcessConstants.REVIEW_REMARK;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record review": approved or sent back with a remark; sets {@code reviewApproved} and clears the decision for the next review. */
@Component
class RecordReviewDelegate implements JavaDelegate {

    private final OrderReviewService service;

    RecordReviewDelegate(OrderReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Codes.ReviewDecision decision = Codes.ReviewDecision.of(execution.getVariable(REVIEW_DECISION));
        Codes.ReviewRemark remark = decision == Codes.ReviewDecision.SEND_BACK
                ? Codes.parse(Codes.ReviewRemark.class, execution.getVariable(REVIEW_REMARK), null, REVIEW_REMARK)
                : null;
        boolean approved = service.review(
                ProcessVariables.incidentId(execution), decision, remark, ProcessVariables.actor(execution));
        execution.setVariable(REVIEW_APPROVED, approved);
        execution.removeVariable(REVIEW_DECISION);
    }
}
