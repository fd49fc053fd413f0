package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridmend.core.PublicIds;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** What each rental task shows: the listing to review, the booking to confirm, or the disputed settlement. */
@Component
class RentalTaskListener implements TaskListener {

    private final RentalListingStepsService listings;
    private final RentalStepsService steps;
    private final RentalSettlementService settlement;

    RentalTaskListener(
            RentalListingStepsService listings, RentalStepsService steps, RentalSettlementService settlement) {
        this.listings = listings;
        this.steps = steps;
        this.settlement = settlement;
    }

    @Override
    public void notify(DelegateTask task) {
        if ("Task_ReviewRentalListing".equals(task.getTaskDefinitionKey())) {
            long id = ProcessVariables.rentalItemId(task.getExecution());
            task.setVariablesLocal(listings.reviewShown(id));
            task.setName(PublicIds.rentalItem(id) + " · " + task.getName());
            return;
        }
        long id = ProcessVariables.bookingId(task.getExecution());
        task.setVariablesLocal(
                "Task_ConfirmRentalBooking".equals(task.getTaskDefinitionKey())
                        ? steps.confirmShown(id)
                        : settlement.disputeShown(id));
        task.setName(PublicIds.booking(id) + " · " + task.getName());
    }
}
