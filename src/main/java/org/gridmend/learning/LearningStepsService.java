package org.gridmend.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.gridmend.process.TaskRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the CrewLearning process's steps do to a learning: show the lessons, close the study, certify a pass, hand
 * three fails to the station lead and carry out the lead's decision, and renew a certification before it runs out.
 */
@Service
public class LearningStepsService {

    /** What the station lead decides after three failed exams. */
    public enum LeadDecision {
        RETRY,
        WITHDRAW
    }

    static final int TEXT_SHOWN = 3800;

    private final LearningMapper mapper;
    private final CertificationService certifications;
    private final LearningProperties properties;
    private final UtilityZone zone;
    private final AuditTrail audit;
    private final Clock clock;

    LearningStepsService(
            LearningMapper mapper,
            CertificationService certifications,
            LearningProperties properties,
            UtilityZone zone,
            AuditTrail audit,
            Clock clock) {
        this.mapper = mapper;
        this.certifications = certifications;
        this.properties = properties;
        this.zone = zone;
        this.audit = audit;
        this.clock = clock;
    }

    /** The Camunda user the crew works as, to whom its study and exam tasks go. */
    @Transactional(readOnly = true)
    public String crewUser(long learningId) {
        return mapper.crew(mapper.learning(learningId).crewId()).userId();
    }

    /** "Study lessons" shows every lesson of the course (Markdown), and where the phone page has them. */
    @Transactional(readOnly = true)
    public Map<String, Object> lessonsShown(long learningId) {
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        LearningMapper.CourseRow course = mapper.course(learning.courseId());
        List<LearningMapper.LessonRow> lessons = mapper.lessons(course.id());
        StringBuilder text = new StringBuilder();
        int minutes = 0;
        for (LearningMapper.LessonRow l : lessons) {
            minutes += l.minutes();
            text.append("#### ")
                    .append(l.seq() + 1)
                    .append(". ")
                    .append(l.title())
                    .append("（")
                    .append(l.minutes())
                    .append(" 分钟 min）\n\n")
                    .append(l.body())
                    .append("\n\n");
            if (l.imageUrl() != null) {
                text.append("![")
                        .append(l.title())
                        .append("](")
                        .append(l.imageUrl())
                        .append(")\n\n");
            }
            if (l.videoUrl() != null) {
                text.append("[视频 video](").append(l.videoUrl()).append(")\n\n");
            }
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "learningIntro",
                "### " + course.title() + " · " + course.skill() + "\n\n" + lessons.size() + " 节课，约 " + minutes
                        + " 分钟。在手机上学习可记录学习时间： [/learn](/learn?learning=" + PublicIds.learning(learningId)
                        + ") (" + lessons.size() + " lessons, about " + minutes
                        + " minutes; on your phone, /learn records"
                        + " the time you spend.)");
        // a task variable holds at most TEXT_SHOWN characters on every database: longer courses list their lessons
        // here and are read in full on /learn
        if (text.length() > TEXT_SHOWN) {
            text.setLength(0);
            for (LearningMapper.LessonRow l : lessons) {
                text.append("- ")
                        .append(l.seq() + 1)
                        .append(". ")
                        .append(l.title())
                        .append("（")
                        .append(l.minutes())
                        .append(" 分钟 min）\n");
            }
            text.append("\n全文请在手机上打开 /learn 学习。 (Read the lessons in full on /learn.)");
        }
        shown.put("lessonsText", text.toString());
        return shown;
    }

    /** The crew says it has studied: then the exam comes. */
    @Transactional
    public void studied(long learningId, Object lessonsRead, String by) {
        if (!Boolean.TRUE.equals(lessonsRead) && !"true".equals(String.valueOf(lessonsRead))) {
            throw TaskRefusal.refuse(
                    StudyLessonsListener.LESSONS_READ, "请先学完全部课程并勾选确认", "study every lesson, then tick the box");
        }
        mapper.setState(learningId, "EXAM_DUE");
        audit.record(AuditEntry.of("LESSONS_STUDIED")
                .at(clock.instant())
                .crew(mapper.learning(learningId).crewId())
                .user(by)
                .detail("learningId", PublicIds.learning(learningId)));
    }

    /** Whether the fails so far call the station lead. */
    @Transactional(readOnly = true)
    public boolean failsReached(long learningId) {
        return mapper.learning(learningId).fails() >= properties.failsBeforeEscalation();
    }

    /** An exam passed: the skill is certified for the course's validity. */
    @Transactional
    public Instant certify(long learningId, String by) {
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        LearningMapper.CourseRow course = mapper.course(learning.courseId());
        Instant until = certifications.certify(
                learning.crewId(), learning.skill(), Duration.ofDays(course.validDays()), "EXAM", by);
        mapper.setState(learningId, "CERTIFIED");
        return until;
    }

    /** When the crew is to learn again: {@code renew-before} ahead of its certification's expiry. */
    @Transactional(readOnly = true)
    public Instant renewAt(long learningId) {
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        Instant expires = mapper.certifications(learning.crewId()).stream()
                .filter(c -> c.skill().equals(learning.skill()))
                .map(LearningMapper.CertificationRow::expiresAt)
                .findFirst()
                .orElse(clock.instant());
        Instant at = expires.minus(properties.renewBefore());
        return at.isBefore(clock.instant()) ? clock.instant() : at;
    }

    /** The renewal is due: the same learning starts again from its lessons. */
    @Transactional
    public void renew(long learningId) {
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        mapper.reopen(learningId, LearningMapper.openKey(learning.crewId(), learning.skill()), "EXPIRING");
        audit.record(AuditEntry.of("LEARNING_RENEWAL")
                .at(clock.instant())
                .crew(learning.crewId())
                .detail("learningId", PublicIds.learning(learningId)));
    }

    /** Three fails: the station lead's task shows who, which skill and the scores. */
    @Transactional
    public Map<String, Object> escalated(long learningId) {
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        LearningMapper.CrewRow crew = mapper.crew(learning.crewId());
        mapper.setState(learningId, "ESCALATED");
        StringBuilder scores = new StringBuilder();
        for (LearningMapper.ExamRow e : mapper.exams(learningId)) {
            if (e.submittedAt() != null) {
                scores.append("- ")
                        .append(zone.show(e.submittedAt()))
                        .append("：")
                        .append(e.score())
                        .append(" 分 (score)")
                        .append(Boolean.TRUE.equals(e.passed()) ? " ✓" : "")
                        .append("\n");
            }
        }
        return Map.of(
                "learningSummary",
                "### " + crew.id() + "（工号 " + crew.employeeNo() + "）· " + learning.skill() + "\n\n连续 "
                        + learning.fails() + " 次考试未通过 (failed " + learning.fails() + " exams in a row)：\n\n"
                        + scores + "\n重新学习，或撤销这次学习（技能未认证的班组不会被派这类工作）。 (Let the crew study "
                        + "again, or withdraw the learning: a crew without the skill is not sent such jobs.)");
    }

    /** The lead's decision; refused, naming the field, when it is neither. */
    @Transactional
    public LeadDecision decide(long learningId, Object decision, Object remark, String by) {
        LeadDecision d;
        try {
            d = LeadDecision.valueOf(String.valueOf(decision));
        } catch (IllegalArgumentException e) {
            throw TaskRefusal.refuse("leadDecision", "请选择重新学习或撤销", "choose RETRY or WITHDRAW");
        }
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        Instant now = clock.instant();
        if (d == LeadDecision.RETRY) {
            mapper.resetFails(learningId);
        } else {
            mapper.end(learningId, "WITHDRAWN", now);
        }
        String note = remark == null ? "" : String.valueOf(remark);
        audit.record(AuditEntry.of("LEARNING_" + d.name())
                .at(now)
                .crew(learning.crewId())
                .user(by)
                .details(
                        "learningId",
                        PublicIds.learning(learningId),
                        "remark",
                        note.length() > 500 ? note.substring(0, 500) : note));
        return d;
    }
}
