package org.gridmend.report;

/**
 * Customers with a service of their own on top of the repair (a distribution room in custody): the report of one is
 * on its incident, and whoever serves them hears of it at once. Answered by the custody feature.
 */
public interface PriorityCustomers {

    void faultReported(String customerNo, long reportId, long incidentId);
}
