package org.gridmend.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gridmend.core.PublicIds;
import org.gridmend.core.StaffUser;

/**
 * Typed reads of what delegates act on. The report, repair order or outage notice a step works on comes from its
 * process instance's business key (B-…, R-…, N-…), which the engine sets at start and nobody can change afterwards,
 * never from a variable; the variables read here are the fields of the forms their tasks submitted.
 */
public final class ProcessVariables {

    private ProcessVariables() {}

    public static long reportId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseReport(execution.getProcessBusinessKey()));
    }

    public static long incidentId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseIncident(execution.getProcessBusinessKey()));
    }

    public static long noticeId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseNotice(execution.getProcessBusinessKey()));
    }

    public static long learningId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseLearning(execution.getProcessBusinessKey()));
    }

    public static long jobId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseJob(execution.getProcessBusinessKey()));
    }

    public static long custodyId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseCustody(execution.getProcessBusinessKey()));
    }

    public static long rentalItemId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseRentalItem(execution.getProcessBusinessKey()));
    }

    public static long bookingId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseBooking(execution.getProcessBusinessKey()));
    }

    public static long electricianId(DelegateExecution execution) {
        return id(execution.getProcessBusinessKey(), PublicIds.parseElectrician(execution.getProcessBusinessKey()));
    }

    /** The repair order of a RepairOrder task. */
    public static long incidentId(DelegateTask task) {
        return incidentId(task.getExecution());
    }

    /**
     * Who completed the step that led here: the user the engine ran the command for (Tasklist, {@code /engine-rest}),
     * else the staff member of the API call that correlated it; null when the engine itself moved on (a timer, a
     * job). Audit events name this user, never the crew the order is assigned to.
     */
    public static String actor(DelegateExecution execution) {
        Authentication user =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user != null && user.getUserId() != null ? user.getUserId() : StaffUser.current();
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** A counter the process keeps (a loop counter, tries so far), or {@code absent} when it is not set yet. */
    public static int count(VariableScope scope, String name, int absent) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return absent;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("process variable " + name + " is not a number: " + value.getClass());
    }

    private static long id(String businessKey, long parsed) {
        if (parsed < 0) {
            throw new IllegalStateException("business key " + businessKey + " is not the public id this step needs");
        }
        return parsed;
    }
}
