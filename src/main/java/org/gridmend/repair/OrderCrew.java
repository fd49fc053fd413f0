package org.gridmend.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Whose the RepairOrder's crew tasks are, by a bean name designers can write in BPMN:
 * {@code camunda:assignee="${orderCrew.user(execution)}"}. Read from the order (the crew it was offered to, or
 * that accepted it), never from a variable, so that nobody can hand an order's next task to someone else.
 */
@Component("orderCrew")
public class OrderCrew {

    private final RepairOrderMapper orders;
    private final CrewMapper crews;

    OrderCrew(RepairOrderMapper orders, CrewMapper crews) {
        this.orders = orders;
        this.crews = crews;
    }

    /** The Camunda user of the order's crew; null when the order has none (the task then waits for a dispatcher). */
    public String user(DelegateExecution execution) {
        RepairOrderRecord order = orders.find(ProcessVariables.incidentId(execution));
        if (order == null || order.crewId() == null) {
            return null;
        }
        CrewRecord crew = crews.crew(order.crewId());
        return crew == null ? null : crew.userId();
    }
}
