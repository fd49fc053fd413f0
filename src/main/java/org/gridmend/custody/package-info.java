/**
 * Custody of large customers' distribution rooms and equipment (配电房和设备托管): business customers' applications,
 * the custody dispatcher's review, the contract's maintenance plan as inspection rounds for its electricians, defects
 * followed up on either side of the meter, monthly summaries, renewal, and the fault priority of a customer under
 * custody. Owns the gm_custody_* tables; answers report's port PriorityCustomers.
 */
package org.gridmend.custody;
