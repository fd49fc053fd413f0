package org.gridmend.learning;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PublicIds;
import org.gridmend.process.TaskRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exams: the questions are drawn at random from the course's bank when the "Take exam" task is created, kept in
 * gm_exam, and the answers are scored here against them when the crew submits. Nothing the form sends is believed
 * but the chosen option keys: an answer that is not an option of its question, or one to a question not asked, is
 * refused, and the score and the verdict are computed, never read.
 */
@Service
public class ExamService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<List<CourseDocument.Option>> OPTIONS = new TypeReference<>() {};

    private final LearningMapper mapper;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    ExamService(LearningMapper mapper, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The verdict of one sitting, and how many exams in a row the crew has failed now. */
    public record Result(int score, int passMark, boolean passed, int fails) {}

    /** Draws the questions of a new sitting; returns the task's variables that show them. */
    @Transactional
    public Map<String, Object> draw(long learningId, String taskId) {
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        LearningMapper.CourseRow course = mapper.course(learning.courseId());
        List<LearningMapper.QuestionRow> bank = new ArrayList<>(mapper.questions(course.id()));
        Collections.shuffle(bank, RANDOM);
        List<LearningMapper.QuestionRow> drawn = bank.subList(0, Math.min(course.questionsPerExam(), bank.size()));
        LearningMapper.NewExam exam = new LearningMapper.NewExam();
        exam.learningId = learningId;
        exam.taskId = taskId;
        exam.questionIds = drawn.stream().map(LearningMapper.QuestionRow::id).collect(Collectors.joining(","));
        exam.startedAt = clock.instant();
        mapper.insertExam(exam);
        mapper.setState(learningId, "EXAM");
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "examIntro",
                "### " + course.title() + " · " + course.skill() + "\n\n共 " + drawn.size() + " 题，" + course.passMark()
                        + " 分及格；提交后由服务器评分。 (" + drawn.size() + " questions, pass mark " + course.passMark()
                        + " of 100; scored by the server when you submit.)");
        for (int i = 0; i < drawn.size(); i++) {
            LearningMapper.QuestionRow q = drawn.get(i);
            int slot = i + 1;
            shown.put(
                    ExamForm.question(slot),
                    "**" + slot + ". " + q.text() + "**" + (q.multiple() ? "（多选 choose all that apply）" : ""));
            shown.put(ExamForm.kind(slot), q.multiple() ? "multiple" : "single");
            List<Map<String, String>> options = new ArrayList<>();
            for (CourseDocument.Option o : options(q)) {
                options.add(Map.of("label", o.key() + ". " + o.text(), "value", o.key()));
            }
            shown.put(ExamForm.options(slot), jsonValue(options));
        }
        return shown;
    }

    /**
     * Scores the learning's open sitting from the answers the form sent ({@code a<i>}, {@code a<i>m}); refuses, naming
     * the field, an unanswered question or an answer that is not one of its options.
     */
    @Transactional
    public Result score(long learningId, Map<String, Object> sent, String by) {
        LearningMapper.ExamRow exam = mapper.openExam(learningId);
        if (exam == null) {
            throw new IllegalStateException("no open exam for learning " + learningId);
        }
        LearningMapper.LearningRow learning = mapper.learning(learningId);
        LearningMapper.CourseRow course = mapper.course(learning.courseId());
        Map<String, LearningMapper.QuestionRow> bank = mapper.questions(course.id()).stream()
                .collect(Collectors.toMap(LearningMapper.QuestionRow::id, q -> q));
        List<String> ids = List.of(exam.questionIds().split(","));
        Map<String, Set<String>> answers = new LinkedHashMap<>();
        int right = 0;
        for (int slot = 1; slot <= ExamForm.SLOTS; slot++) {
            Object single = sent.get(ExamForm.single(slot));
            Object multiple = sent.get(ExamForm.multiple(slot));
            if (slot > ids.size()) {
                if (present(single) || present(multiple)) {
                    throw TaskRefusal.refuse(
                            ExamForm.single(slot), "第 " + slot + " 题不存在", "question " + slot + " was not asked");
                }
                continue;
            }
            LearningMapper.QuestionRow q = bank.get(ids.get(slot - 1));
            if (q == null) {
                // the course was imported again without this question since it was drawn: it does not count against
                right++;
                continue;
            }
            String field = q.multiple() ? ExamForm.multiple(slot) : ExamForm.single(slot);
            if (present(q.multiple() ? single : multiple)) {
                throw TaskRefusal.refuse(
                        q.multiple() ? ExamForm.single(slot) : ExamForm.multiple(slot),
                        "第 " + slot + " 题的答案格式不对",
                        "question " + slot + " is " + (q.multiple() ? "multiple" : "single") + " choice");
            }
            Set<String> chosen = keys(q.multiple() ? multiple : single);
            if (chosen.isEmpty()) {
                throw TaskRefusal.refuse(field, "请回答第 " + slot + " 题", "answer question " + slot);
            }
            Set<String> offered =
                    options(q).stream().map(CourseDocument.Option::key).collect(Collectors.toSet());
            if (!offered.containsAll(chosen) || (!q.multiple() && chosen.size() != 1)) {
                throw TaskRefusal.refuse(
                        field,
                        "第 " + slot + " 题的答案不是它的选项",
                        "the answer to question " + slot + " is not one of its options");
            }
            answers.put(q.id(), chosen);
            if (String.join(",", chosen).equals(q.correct())) {
                right++;
            }
        }
        int score = ids.isEmpty() ? 0 : Math.round(100f * right / ids.size());
        boolean passed = score >= course.passMark();
        Instant now = clock.instant();
        mapper.submitExam(exam.id(), write(answers), score, passed, now);
        if (!passed) {
            mapper.addFail(learningId);
        }
        int fails = mapper.learning(learningId).fails();
        audit.record(AuditEntry.of(passed ? "EXAM_PASSED" : "EXAM_FAILED")
                .at(now)
                .crew(learning.crewId())
                .user(by)
                .details(
                        "learningId",
                        PublicIds.learning(learningId),
                        "skill",
                        learning.skill(),
                        "score",
                        score,
                        "passMark",
                        course.passMark()));
        return new Result(score, course.passMark(), passed, fails);
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }

    /** The option keys of an answer: a radio's string, or a checklist's list (as Tasklist sends it, JSON). */
    private Set<String> keys(Object value) {
        Set<String> keys = new TreeSet<>();
        if (value == null) {
            return keys;
        }
        if (value instanceof Iterable<?> list) {
            list.forEach(v -> keys.add(String.valueOf(v)));
            return keys;
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            try {
                for (JsonNode node : json.readTree(text)) {
                    keys.add(node.asText());
                }
            } catch (JsonProcessingException e) {
                keys.add(text);
            }
            return keys;
        }
        if (!text.isEmpty()) {
            keys.add(text);
        }
        return keys;
    }

    private List<CourseDocument.Option> options(LearningMapper.QuestionRow q) {
        try {
            return json.readValue(q.options(), OPTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options of question " + q.id() + " are not JSON", e);
        }
    }

    private Object jsonValue(Object value) {
        return SpinValues.jsonValue(write(value)).create();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
