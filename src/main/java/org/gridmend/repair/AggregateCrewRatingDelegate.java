package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Aggregate crew rating": after the rating window the customers' stars go to the crew and the order closes. */
@Component
class AggregateCrewRatingDelegate implements JavaDelegate {

    private final OrderReviewService service;

    AggregateCrewRatingDelegate(OrderReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.aggregateRatings(ProcessVariables.incidentId(execution));
    }
}
