package org.gridmend.rental;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Settle deposit": late days and damage against the deposit; sets {@code deductionMade}. */
@Component
class SettleDepositDelegate implements JavaDelegate {

    private final RentalSettlementService settlement;

    SettleDepositDelegate(RentalSettlementService settlement) {
        this.settlement = settlement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("deductionMade", settlement.settle(ProcessVariables.bookingId(execution)));
    }
}
