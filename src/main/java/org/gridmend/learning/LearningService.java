package org.gridmend.learning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.grid.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A crew's learning of a skill, one CrewLearning process each: assigned when a required skill is missing, when a
 * certification is about to expire, or by an admin; studied on {@code /learn} (time per lesson recorded) or in
 * Tasklist; then the exam. A crew has at most one open learning per skill.
 */
@Service
public class LearningService {

    private static final Logger log = LoggerFactory.getLogger(LearningService.class);
    static final String STUDY_TASK = "Task_StudyLessons";

    /** Why a crew learns: a required skill it lacks, a certification running out, or an admin's assignment. */
    public enum Reason {
        MISSING,
        EXPIRING,
        ASSIGNED
    }

    private final LearningMapper mapper;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final LearningProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    LearningService(
            LearningMapper mapper,
            RuntimeService runtime,
            TaskService tasks,
            LearningProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.mapper = mapper;
        this.runtime = runtime;
        this.tasks = tasks;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a learning; 409 when the skill has no course yet or the crew is learning it already. */
    @Transactional
    public LearningMapper.LearningRow start(String crewId, String skill, Reason reason, String by) {
        LearningMapper.CrewRow crew = crewId == null ? null : mapper.crew(crewId.trim());
        if (crew == null) {
            throw Refusal.invalid("UNKNOWN_CREW", "crewId", "crew " + Refusal.echo(crewId) + " does not exist");
        }
        if (crew.userId() == null) {
            throw Refusal.invalid("NO_USER", "crewId", "crew " + crew.id() + " has no user to learn as");
        }
        String s = skill(skill);
        LearningMapper.CourseRow course = mapper.courseOfSkill(s);
        if (course == null) {
            throw Refusal.conflict("NO_COURSE", "skill", "skill " + s + " has no course yet: import one first");
        }
        LearningMapper.NewLearning row = new LearningMapper.NewLearning();
        row.crewId = crew.id();
        row.skill = s;
        row.courseId = course.id();
        row.reason = reason.name();
        row.openKey = LearningMapper.openKey(crew.id(), s);
        row.startedBy = by;
        row.startedAt = clock.instant();
        try {
            mapper.insertLearning(row);
        } catch (DuplicateKeyException open) {
            throw Refusal.conflict("ALREADY_LEARNING", "skill", "crew " + crew.id() + " is learning " + s + " already");
        }
        runtime.startProcessInstanceByKey(ProcessConstants.CREW_LEARNING, PublicIds.learning(row.id));
        audit.record(AuditEntry.of("LEARNING_ASSIGNED")
                .at(row.startedAt)
                .crew(crew.id())
                .user(by)
                .details("learningId", PublicIds.learning(row.id), "skill", s, "reason", reason.name()));
        log.info("learning started learningId={} crewId={} skill={} reason={}", row.id, crew.id(), s, reason);
        return mapper.learning(row.id);
    }

    /**
     * The crews to assign a course now: a required skill without an unexpired certification, or any certification
     * within {@code renew-before} of its expiry, where the crew has no open learning of that skill and the skill has
     * a course. Returns the learnings started.
     */
    @Transactional
    public List<LearningMapper.LearningRow> sweep() {
        Instant now = clock.instant();
        Instant renewBy = now.plus(properties.renewBefore());
        Set<String> open = new HashSet<>();
        mapper.openLearnings().forEach(l -> open.add(LearningMapper.openKey(l.crewId(), l.skill())));
        Set<String> courses = new HashSet<>();
        mapper.courses().forEach(c -> courses.add(c.skill()));
        Map<String, Instant> until = new HashMap<>();
        mapper.allCertifications()
                .forEach(c -> until.put(LearningMapper.openKey(c.crewId(), c.skill()), c.expiresAt()));
        List<LearningMapper.LearningRow> started = new ArrayList<>();
        for (LearningMapper.CrewRow crew : mapper.crews()) {
            if (crew.userId() == null) {
                continue;
            }
            for (Skill skill : Skill.values()) {
                String key = LearningMapper.openKey(crew.id(), skill.name());
                Instant expires = until.get(key);
                boolean required = properties.requiredSkills().contains(skill);
                Reason reason = null;
                if (expires == null) {
                    reason = required ? Reason.MISSING : null;
                } else if (!expires.isAfter(now)) {
                    reason = required ? Reason.MISSING : Reason.EXPIRING;
                } else if (expires.isBefore(renewBy)) {
                    reason = Reason.EXPIRING;
                }
                if (reason == null || open.contains(key) || !courses.contains(skill.name())) {
                    continue;
                }
                if (recentlyWithdrawn(crew.id(), skill.name(), now)) {
                    continue;
                }
                try {
                    started.add(start(crew.id(), skill.name(), reason, null));
                } catch (Refusal raced) {
                    // another node's sweep (or an admin) started it a moment ago: one learning per crew and skill
                    log.info("learning not started crewId={} skill={} code={}", crew.id(), skill, raced.code());
                }
            }
        }
        return started;
    }

    /** A station lead withdrew this learning lately: it is not assigned again before the renewal window passes. */
    private boolean recentlyWithdrawn(String crewId, String skill, Instant now) {
        Instant since = now.minus(properties.renewBefore());
        return mapper.learningsOf(crewId).stream()
                .anyMatch(l -> l.skill().equals(skill)
                        && "WITHDRAWN".equals(l.state())
                        && l.endedAt() != null
                        && l.endedAt().isAfter(since));
    }

    /** Study time the learning page measured on one lesson; at most {@code max-seconds-per-report} at once. */
    @Transactional
    public void recordTime(LearningMapper.CrewRow crew, long learningId, String lessonId, Integer seconds) {
        LearningMapper.LearningRow learning = mine(crew, learningId);
        if (seconds == null) {
            throw Refusal.invalid("MISSING_FIELD", "seconds", "seconds is required");
        }
        if (seconds < 1 || seconds > properties.maxSecondsPerReport()) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "seconds", "seconds must be between 1 and " + properties.maxSecondsPerReport());
        }
        boolean known = mapper.lessons(learning.courseId()).stream().anyMatch(l -> l.id().equals(lessonId));
        if (!known) {
            throw Refusal.notFound("lesson", lessonId);
        }
        Instant now = clock.instant();
        if (mapper.updateTime(learningId, lessonId, seconds, now) == 0) {
            try {
                mapper.insertTime(learningId, lessonId, seconds, now);
            } catch (DuplicateKeyException raced) {
                mapper.updateTime(learningId, lessonId, seconds, now);
            }
        }
    }

    /** The crew is done studying on its phone: its "Study lessons" task is completed for it. */
    @Transactional
    public void finishStudy(LearningMapper.CrewRow crew, long learningId) {
        mine(crew, learningId);
        Task task = studyTask(learningId)
                .orElseThrow(() -> Refusal.conflict(
                        "NOT_STUDYING", null, "this learning is not at its lessons now (see its exam in Tasklist)"));
        tasks.complete(task.getId(), Map.of(StudyLessonsListener.LESSONS_READ, true));
    }

    Optional<Task> studyTask(long learningId) {
        return Optional.ofNullable(tasks.createTaskQuery()
                .processInstanceBusinessKey(PublicIds.learning(learningId))
                .taskDefinitionKey(STUDY_TASK)
                .singleResult());
    }

    /** One of the caller crew's learnings; 404 for another crew's (it does not learn whether the id exists). */
    LearningMapper.LearningRow mine(LearningMapper.CrewRow crew, long learningId) {
        LearningMapper.LearningRow learning = learningId < 0 ? null : mapper.learning(learningId);
        if (learning == null || !learning.crewId().equals(crew.id())) {
            throw Refusal.notFound("learning", PublicIds.learning(Math.max(learningId, 0)));
        }
        return learning;
    }

    static String skill(String skill) {
        if (skill == null || skill.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", "skill", "skill is required (LV or MV)");
        }
        for (Skill s : Skill.values()) {
            if (s.name().equals(skill.trim())) {
                return s.name();
            }
        }
        throw Refusal.invalid("INVALID_FIELD", "skill", "skill must be LV or MV");
    }
}
