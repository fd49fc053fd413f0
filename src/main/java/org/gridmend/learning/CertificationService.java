package org.gridmend.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.grid.Skill;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crews' certifications, which dispatch goes by: a skill counts until its expiry. The skills of the grid archive
 * are a crew's initial certifications ({@code gridmend.learning.initial-certification} from their first import); an
 * exam passed certifies the skill for its course's {@code validDays}.
 */
@Service
public class CertificationService {

    private final LearningMapper mapper;
    private final LearningProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    CertificationService(LearningMapper mapper, LearningProperties properties, AuditTrail audit, Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A grid import wrote crews: each archive skill without a certification gets its initial one. */
    @EventListener
    @Transactional
    public void onCrewsImported(GridImportService.CrewSkillsImported imported) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.initialCertification());
        for (GridDocument.Crew crew : imported.crews()) {
            if (crew.skills() == null) {
                continue;
            }
            for (Skill skill : crew.skills()) {
                mapper.insertInitialCertification(crew.id(), skill.name(), now, until);
            }
        }
    }

    /** An exam passed (or an admin's decision): the skill is certified from now for {@code valid}. */
    @Transactional
    public Instant certify(String crewId, String skill, Duration valid, String source, String by) {
        Instant now = clock.instant();
        Instant until = now.plus(valid);
        if (mapper.updateCertification(crewId, skill, now, until, source) == 0) {
            mapper.insertCertification(crewId, skill, now, until, source);
        }
        audit.record(AuditEntry.of("SKILL_CERTIFIED")
                .at(now)
                .crew(crewId)
                .user(by)
                .details("skill", skill, "expiresAt", until, "source", source));
        return until;
    }

    @Transactional(readOnly = true)
    public List<LearningMapper.CertificationRow> of(String crewId) {
        return mapper.certifications(crewId);
    }
}
