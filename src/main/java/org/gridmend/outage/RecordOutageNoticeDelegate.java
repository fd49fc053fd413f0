package org.gridmend.outage;

import static org.gridmend.core.ProcessConstants.FAULT_NOTICE;
import static org.gridmend.core.ProcessConstants.NOTICE_ID;
import static org.gridmend.core.ProcessConstants.WEEK_AHEAD;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.springframework.stereotype.Component;

/**
 * "Record notice": a notice published through the API arrives with its id as the business key; one published from Tasklist's
 * start form arrives as the form's fields, which are validated and recorded here (a bad field refuses the start form
 * with a message, as the API answers 400) and then removed, so that only the id stays in the process. Sets the
 * gateway flags {@code faultNotice} and {@code weekAhead}.
 */
@Component
class RecordOutageNoticeDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("noticeType", "deviceId", "start", "expectedEnd", "reason");

    private final OutageNoticeService notices;
    private final UtilityZone zone;

    RecordOutageNoticeDelegate(OutageNoticeService notices, UtilityZone zone) {
        this.notices = notices;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // published through the API: the process started with the notice's id as its business key (N-…)
        long noticeId = PublicIds.parseNotice(execution.getProcessBusinessKey());
        if (noticeId < 0) {
            noticeId = fromForm(execution);
            execution.removeVariables(FORM_FIELDS);
            execution.setVariable(NOTICE_ID, noticeId);
            execution.setProcessBusinessKey(PublicIds.notice(noticeId));
        }
        OutageNoticeService.Plan plan = notices.plan(noticeId);
        execution.setVariable(FAULT_NOTICE, plan.fault());
        execution.setVariable(WEEK_AHEAD, plan.weekAhead());
    }

    private long fromForm(DelegateExecution execution) {
        Authentication user =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        try {
            return notices.create(
                            type(execution.getVariable("noticeType")),
                            text(execution.getVariable("deviceId")),
                            time(execution.getVariable("start"), "start"),
                            time(execution.getVariable("expectedEnd"), "expectedEnd"),
                            text(execution.getVariable("reason")),
                            user == null ? null : user.getUserId())
                    .noticeId();
        } catch (Refusal invalid) {
            throw new FormFieldValidationException(invalid.field(), invalid.getMessage());
        }
    }

    private static NoticeType type(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return NoticeType.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FormFieldValidationException("noticeType", "noticeType must be PLANNED or FAULT");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A form's date and time; a missing one is left to the notice's own check, which names the field. */
    private Instant time(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        try {
            return zone.parse(value.toString(), field);
        } catch (IllegalArgumentException e) {
            throw new FormFieldValidationException(field, e.getMessage());
        }
    }
}
