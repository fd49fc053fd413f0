package org.gridmend.learning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PlainText;
import org.gridmend.core.Refusal;
import org.gridmend.grid.Skill;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports courses: short lessons (at most {@value #MAX_LESSON_MINUTES} minutes each) and a question bank per skill,
 * with the exam's pass mark, its number of questions and how long a pass certifies the skill. Everything is checked
 * before anything is written; a refusal names the field ({@code courses[0].questions[3].correct}).
 */
@Service
public class CourseImportService {

    static final int MAX_COURSES = 20;
    static final int MAX_LESSONS = 50;
    static final int MAX_QUESTIONS = 200;
    static final int MAX_LESSON_MINUTES = 10;
    static final int MAX_EXAM_QUESTIONS = ExamForm.SLOTS;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-H]");
    private static final Pattern LINK = Pattern.compile("(https?://|/)[^\\s<>\"]{1,490}");

    private final LearningMapper mapper;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    CourseImportService(LearningMapper mapper, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public record ImportResult(int courses, int lessons, int questions) {}

    @Transactional
    public ImportResult importCourses(CourseDocument document, String by) {
        if (document == null || document.courses() == null || document.courses().isEmpty()) {
            throw Refusal.invalid("MISSING_FIELD", "courses", "courses is required: a list of courses");
        }
        if (document.courses().size() > MAX_COURSES) {
            throw Refusal.invalid("TOO_MANY", "courses", "import at most " + MAX_COURSES + " courses at once");
        }
        Set<String> ids = new HashSet<>();
        Set<String> skills = new HashSet<>();
        for (int i = 0; i < document.courses().size(); i++) {
            CourseDocument.Course c = document.courses().get(i);
            String at = "courses[" + i + "]";
            check(c != null, "MISSING_FIELD", at, at + " is empty");
            checkCourse(c, at);
            check(ids.add(c.id()), "DUPLICATE", at + ".id", "course " + c.id() + " is in the document twice");
            check(skills.add(c.skill()), "DUPLICATE", at + ".skill", "one course per skill: " + c.skill() + " twice");
            LearningMapper.CourseRow other = mapper.courseOfSkill(c.skill());
            if (other != null && !other.id().equals(c.id())) {
                throw Refusal.conflict(
                        "SKILL_HAS_COURSE",
                        at + ".skill",
                        "skill " + c.skill() + " has course " + other.id() + " already: import it under that id");
            }
        }
        Instant now = clock.instant();
        int lessons = 0;
        int questions = 0;
        for (CourseDocument.Course c : document.courses()) {
            LearningMapper.CourseRow row = new LearningMapper.CourseRow(
                    c.id(), c.skill(), c.title().strip(), c.passMark(), c.questionsPerExam(), c.validDays(), by, now);
            if (mapper.updateCourse(row) == 0) {
                mapper.insertCourse(row);
            }
            mapper.deleteLessons(c.id());
            mapper.deleteQuestions(c.id());
            List<LearningMapper.LessonRow> lessonRows = new ArrayList<>();
            for (int k = 0; k < c.lessons().size(); k++) {
                CourseDocument.Lesson l = c.lessons().get(k);
                lessonRows.add(new LearningMapper.LessonRow(
                        l.id(), k, l.title().strip(), l.body().strip(), l.imageUrl(), l.videoUrl(), l.minutes()));
            }
            mapper.insertLessons(c.id(), lessonRows);
            List<LearningMapper.QuestionRow> questionRows = new ArrayList<>();
            for (int k = 0; k < c.questions().size(); k++) {
                CourseDocument.Question q = c.questions().get(k);
                questionRows.add(new LearningMapper.QuestionRow(
                        q.id(),
                        k,
                        q.text().strip(),
                        Boolean.TRUE.equals(q.multiple()),
                        write(q.options()),
                        String.join(",", new TreeSet<>(q.correct()))));
            }
            mapper.insertQuestions(c.id(), questionRows);
            lessons += lessonRows.size();
            questions += questionRows.size();
            audit.record(AuditEntry.of("COURSE_IMPORTED")
                    .at(now)
                    .user(by)
                    .details(
                            "courseId",
                            c.id(),
                            "skill",
                            c.skill(),
                            "lessons",
                            lessonRows.size(),
                            "questions",
                            questionRows.size()));
        }
        return new ImportResult(document.courses().size(), lessons, questions);
    }

    private void checkCourse(CourseDocument.Course c, String at) {
        check(
                c.id() != null && ID.matcher(c.id()).matches(),
                "INVALID_FIELD",
                at + ".id",
                at + ".id must be 1 to 64 letters, digits, '_', '-' or '.'");
        check(c.skill() != null && isSkill(c.skill()), "INVALID_FIELD", at + ".skill", at + ".skill must be LV or MV");
        text(c.title(), 200, at + ".title");
        range(c.passMark(), 1, 100, at + ".passMark");
        range(c.questionsPerExam(), 1, MAX_EXAM_QUESTIONS, at + ".questionsPerExam");
        range(c.validDays(), 30, 3650, at + ".validDays");
        check(
                c.lessons() != null && !c.lessons().isEmpty() && c.lessons().size() <= MAX_LESSONS,
                "INVALID_FIELD",
                at + ".lessons",
                at + ".lessons must hold 1 to " + MAX_LESSONS + " lessons");
        Set<String> lessonIds = new HashSet<>();
        for (int k = 0; k < c.lessons().size(); k++) {
            CourseDocument.Lesson l = c.lessons().get(k);
            String where = at + ".lessons[" + k + "]";
            check(l != null, "MISSING_FIELD", where, where + " is empty");
            check(
                    l.id() != null && ID.matcher(l.id()).matches() && lessonIds.add(l.id()),
                    "INVALID_FIELD",
                    where + ".id",
                    where + ".id must be a short id, unique in the course");
            text(l.title(), 200, where + ".title");
            text(l.body(), 8000, where + ".body");
            link(l.imageUrl(), where + ".imageUrl");
            link(l.videoUrl(), where + ".videoUrl");
            range(l.minutes(), 1, MAX_LESSON_MINUTES, where + ".minutes");
        }
        check(
                c.questions() != null
                        && c.questions().size() >= c.questionsPerExam()
                        && c.questions().size() <= MAX_QUESTIONS,
                "INVALID_FIELD",
                at + ".questions",
                at + ".questions must hold at least questionsPerExam and at most " + MAX_QUESTIONS + " questions");
        Set<String> questionIds = new HashSet<>();
        for (int k = 0; k < c.questions().size(); k++) {
            checkQuestion(c.questions().get(k), at + ".questions[" + k + "]", questionIds);
        }
    }

    private void checkQuestion(CourseDocument.Question q, String where, Set<String> ids) {
        check(q != null, "MISSING_FIELD", where, where + " is empty");
        check(
                q.id() != null && ID.matcher(q.id()).matches() && ids.add(q.id()),
                "INVALID_FIELD",
                where + ".id",
                where + ".id must be a short id, unique in the course");
        text(q.text(), 1000, where + ".text");
        check(
                q.options() != null && q.options().size() >= 2 && q.options().size() <= 8,
                "INVALID_FIELD",
                where + ".options",
                where + ".options must hold 2 to 8 options");
        Set<String> keys = new HashSet<>();
        for (int o = 0; o < q.options().size(); o++) {
            CourseDocument.Option option = q.options().get(o);
            String at = where + ".options[" + o + "]";
            check(
                    option != null
                            && option.key() != null
                            && KEY.matcher(option.key()).matches()
                            && keys.add(option.key()),
                    "INVALID_FIELD",
                    at + ".key",
                    at + ".key must be one of A to H, once");
            text(option.text(), 200, at + ".text");
        }
        check(
                q.correct() != null
                        && !q.correct().isEmpty()
                        && keys.containsAll(q.correct())
                        && new HashSet<>(q.correct()).size() == q.correct().size(),
                "INVALID_FIELD",
                where + ".correct",
                where + ".correct must name the keys of the right options");
        check(
                Boolean.TRUE.equals(q.multiple()) || q.correct().size() == 1,
                "INVALID_FIELD",
                where + ".correct",
                where + ": a single-choice question has exactly one right option (or set multiple: true)");
    }

    private static boolean isSkill(String skill) {
        try {
            Skill.valueOf(skill.toUpperCase(Locale.ROOT));
            return skill.equals(skill.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void text(String value, int max, String field) {
        check(value != null && !value.isBlank(), "MISSING_FIELD", field, field + " is required");
        check(PlainText.problem(value) == null, "INVALID_FIELD", field, field + " " + PlainText.problem(value));
        check(PlainText.length(value) <= max, "TOO_LONG", field, field + " must not exceed " + max + " characters");
    }

    private static void link(String value, String field) {
        check(
                value == null || LINK.matcher(value).matches(),
                "INVALID_FIELD",
                field,
                field + " must be an http(s) link or a path on this server");
    }

    private static void range(Integer value, int min, int max, String field) {
        check(value != null, "MISSING_FIELD", field, field + " is required");
        check(value >= min && value <= max, "INVALID_FIELD", field, field + " must be between " + min + " and " + max);
    }

    private static void check(boolean ok, String code, String field, String message) {
        if (!ok) {
            throw Refusal.invalid(code, field, message);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
