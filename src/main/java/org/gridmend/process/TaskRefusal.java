package org.gridmend.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses the completion of a crew's or dispatcher's task with a message for them: the transaction rolls back, the
 * task stays open and Camunda's REST API (and so Tasklist) answers 400 "Cannot complete task ...: message".
 * Thrown from the synchronous step that follows the task, where the engine passes it on unwrapped (a task
 * listener's exception would be wrapped and answered with 500).
 */
public final class TaskRefusal {

    private static final Logger log = LoggerFactory.getLogger(TaskRefusal.class);

    private TaskRefusal() {}

    public static FormFieldValidationException refuse(String field, String chinese, String english) {
        log.info("task completion refused field={} reason={}", field, english);
        return new FormFieldValidationException(field, chinese + " (" + english + ")");
    }
}
