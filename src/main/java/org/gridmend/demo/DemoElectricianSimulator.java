package org.gridmend.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's social electricians but the first (el00001, the visitor's) work their jobs by themselves, as a person
 * would in Tasklist and as that person: a job offered is accepted after a little while, the electrician arrives a
 * minute later, quotes, and completes once the customer accepted the quote (on the job's tracking page); a custody
 * inspection is done a minute after it is due, nothing found. Demo only.
 */
@Component
@Profile("demo")
class DemoElectricianSimulator extends DemoLoop {

    private static final Logger log = LoggerFactory.getLogger(DemoElectricianSimulator.class);
    /** How long a simulated electrician takes over each step. */
    static final Map<String, Duration> PACE = Map.of(
            "Task_AcceptJob", Duration.ofSeconds(30),
            "Task_ConfirmJobArrival", Duration.ofSeconds(90),
            "Task_QuoteRepair", Duration.ofSeconds(45),
            "Task_CompleteJob", Duration.ofSeconds(90),
            "Task_InspectEquipment", Duration.ofSeconds(60));

    private final TaskService tasks;
    private final IdentityService identity;

    DemoElectricianSimulator(
            TaskService tasks,
            IdentityService identity,
            @Value("${gridmend.demo.electrician-interval:15s}") Duration interval) {
        super("electrician-simulator", interval);
        this.tasks = tasks;
        this.identity = identity;
    }

    void step() {
        long now = System.currentTimeMillis();
        for (Task task : tasks.createTaskQuery()
                .processDefinitionKeyIn(ProcessConstants.ELECTRICIAN_JOB, ProcessConstants.CUSTODY_CONTRACT)
                .taskAssigneeLike("el%")
                .list()) {
            Duration pace = PACE.get(task.getTaskDefinitionKey());
            if (pace == null
                    || "el00001".equals(task.getAssignee())
                    || now - task.getCreateTime().getTime() < pace.toMillis()) {
                continue;
            }
            identity.setAuthentication(task.getAssignee(), List.of(StaffGroups.ELECTRICIANS));
            try {
                tasks.complete(task.getId(), answer(task.getTaskDefinitionKey()));
                log.info(
                        "demo electrician worked task userId={} task={}",
                        task.getAssignee(),
                        task.getTaskDefinitionKey());
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    static Map<String, Object> answer(String step) {
        return switch (step) {
            case "Task_AcceptJob" -> Map.of("jobDecision", "ACCEPT", "visitFee", 50);
            case "Task_ConfirmJobArrival" -> Map.of("arrivedOnSite", true);
            case "Task_QuoteRepair" -> Map.of("jobCause", "BREAKER_TRIPPED", "partsFee", 35, "labourFee", 80);
            case "Task_InspectEquipment" ->
                Map.of(
                        "temperatureC",
                        42.5,
                        "noise",
                        "NORMAL",
                        "cleanliness",
                        "CLEAN",
                        "insulationMohm",
                        2000,
                        "defect",
                        "NONE");
            default -> Map.of("amountCharged", 165);
        };
    }
}
