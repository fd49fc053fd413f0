package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Close no-show": not handed over on the first day; the later days are free again. */
@Component
class CloseNoShowDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    CloseNoShowDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.closeNoShow(ProcessVariables.bookingId(execution));
    }
}
