package org.gridmend.electrician;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Electricians enrolled without an application of their own. */
@Service
public class ElectricianEnrolmentService {

    private final ElectricianMapper electricians;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;

    ElectricianEnrolmentService(ElectricianMapper electricians, RuntimeService runtime, AuditTrail audit, Clock clock) {
        this.electricians = electricians;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An electrician the utility already works with, enrolled without a review (an installation moving its existing
     * register over, and the demo): approved, with a user and its password link, and the certificate's timers
     * running at once, so that one already expired is suspended by its process as any other would be.
     */
    @Transactional
    public String enrol(String phone, ElectricianApplication application, LocalDate certificateExpires) {
        ElectricianMapper.NewElectrician row = ElectricianChecks.row(application, phone, certificateExpires);
        row.now = clock.instant();
        if (electricians.lockByPhone(phone) != null) {
            throw Refusal.conflict("ALREADY_REGISTERED", "phone", "this phone is registered already");
        }
        electricians.insert(row);
        String id = PublicIds.electrician(row.id);
        electricians.review(row.id, "APPROVED", null, "enrolment", row.now);
        audit.record(
                AuditEntry.of("ELECTRICIAN_ENROLLED").subject(id).detail("certificateExpires", certificateExpires));
        runtime.createProcessInstanceByKey(ProcessConstants.ELECTRICIAN_REGISTRATION)
                .businessKey(id)
                .startBeforeActivity("Task_ApproveElectrician")
                .execute();
        return id;
    }
}
