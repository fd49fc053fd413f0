package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Start installation job": an electrician job for the renter at the place of use. */
@Component
class StartInstallationJobDelegate implements JavaDelegate {

    private final RentalStepsService steps;

    StartInstallationJobDelegate(RentalStepsService steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.startInstallation(ProcessVariables.bookingId(execution));
    }
}
