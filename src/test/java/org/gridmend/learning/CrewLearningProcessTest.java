package org.gridmend.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.support.LearningFixture;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.RepairFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/crew-learning.bpmn: study, pass and certification with its renewal timer in one test; fails,
 * the retry wait, the station lead's retry and withdrawal in another; refused completions and the sweep that assigns
 * courses in the rest. Timers run only when a test executes them.
 */
@ProcessTest
class CrewLearningProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepairFixture repairs;

    @Autowired
    LearningFixture courses;

    @Autowired
    LearningService learning;

    @Autowired
    CourseImportService importer;

    @Autowired
    LearningMapper mapper;

    @Autowired
    JdbcTemplate jdbc;

    RepairFixture.Grid g;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        courses.importCourse();
        g = repairs.newGrid();
    }

    private ProcessInstance started(int crew) {
        LearningMapper.LearningRow row = learning.start(g.crew(crew), "LV", LearningService.Reason.ASSIGNED, "admin");
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(PublicIds.learning(row.id()))
                .singleResult();
    }

    private long learningId(ProcessInstance p) {
        return PublicIds.parseLearning(p.getBusinessKey());
    }

    private void study(ProcessInstance p) {
        assertThat(p).isWaitingAt("Task_StudyLessons");
        complete(task("Task_StudyLessons", p), withVariables("lessonsRead", true));
    }

    private void sit(ProcessInstance p, boolean right) {
        assertThat(p).isWaitingAt("Task_TakeExam");
        Task exam = task("Task_TakeExam", p);
        complete(exam, courses.answers(exam, right));
    }

    private LearningMapper.CertificationRow lv(int crew) {
        return mapper.certifications(g.crew(crew)).stream()
                .filter(c -> c.skill().equals("LV"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void happyPath_studiedPassedCertifiedAndRenewedBeforeTheCertificationEnds() {
        ProcessInstance p = started(1);
        Task studyTask = task("Task_StudyLessons", p);
        assertThat(studyTask).isAssignedTo(g.user(1));
        Map<String, Object> shown = engine.getTaskService().getVariablesLocal(studyTask.getId());
        assertThat((String) shown.get("lessonsText"))
                .contains("验电 Testing for voltage")
                .contains("先验电再挂接地线。");
        assertThat((String) shown.get("learningIntro")).contains("/learn?learning=" + p.getBusinessKey());

        study(p);
        assertThat(p).hasPassed("Task_RecordStudy").isWaitingAt("Task_TakeExam");
        Task exam = task("Task_TakeExam", p);
        assertThat(exam).isAssignedTo(g.user(1));
        Map<String, Object> questions = engine.getTaskService().getVariablesLocal(exam.getId());
        assertThat(questions)
                .containsKeys("q1", "q2", "q3", "q1Kind", "q1Options")
                .doesNotContainKey("q4");
        assertThat(questions.toString()).doesNotContain("correct");

        sit(p, true);
        assertThat(p)
                .hasPassed("Task_ScoreExam", "Task_CertifySkill")
                .isWaitingAt("Event_RenewalDue")
                .variables()
                .containsEntry("examPassed", true)
                .doesNotContainKeys("a1", "a2", "a3", "a1m", "a2m", "a3m");
        LearningMapper.CertificationRow cert = lv(1);
        assertThat(cert.source()).isEqualTo("EXAM");
        assertThat(cert.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofDays(365)), within());
        assertThat(mapper.learning(learningId(p)).state()).isEqualTo("CERTIFIED");
        assertThat(mapper.exams(learningId(p))).singleElement().satisfies(e -> {
            assertThat(e.score()).isEqualTo(100);
            assertThat(e.passed()).isTrue();
        });

        // the renewal timer is due 30 days before the certification ends; then the crew learns again
        Job renewal = job("Event_RenewalDue", p);
        assertThat(renewal.getDuedate().toInstant()).isCloseTo(cert.expiresAt().minus(Duration.ofDays(30)), within());
        execute(renewal);
        assertThat(p).hasPassed("Task_RenewLearning").isWaitingAt("Task_StudyLessons");
        assertThat(mapper.learning(learningId(p)).reason()).isEqualTo("EXPIRING");
        assertThat(mapper.learning(learningId(p)).state()).isEqualTo("STUDYING");
    }

    @Test
    void failsWaitBeforeARetryAndThreeFailsGoToTheStationLeadWhoRetriesOrWithdraws() {
        ProcessInstance p = started(2);
        Instant before = lv(2).expiresAt();
        study(p);
        sit(p, false);
        assertThat(p).hasPassed("Task_ScoreExam").isWaitingAt("Event_RetryWait");
        assertThat(mapper.learning(learningId(p)).fails()).isEqualTo(1);
        assertThat(mapper.learning(learningId(p)).state()).isEqualTo("FAILED");
        Job wait = job("Event_RetryWait", p);
        assertThat(wait.getDuedate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofHours(1)), within());
        execute(wait);
        sit(p, false);
        execute(job("Event_RetryWait", p));
        sit(p, false);
        assertThat(p).isWaitingAt("Task_DecideAfterFailedExams");
        Task decide = task("Task_DecideAfterFailedExams", p);
        assertThat(decide).hasCandidateGroup("leads").isNotAssigned();
        assertThat((String) engine.getTaskService().getVariableLocal(decide.getId(), "learningSummary"))
                .contains(g.crew(2))
                .contains("3 次");
        assertThat(lv(2).expiresAt())
                .as("a fail leaves the certification as it was")
                .isEqualTo(before);

        complete(decide, withVariables("leadDecision", "RETRY", "leadRemark", "再学一遍"));
        assertThat(p).hasPassed("Task_RecordLeadDecision").isWaitingAt("Task_StudyLessons");
        assertThat(mapper.learning(learningId(p)).fails()).isZero();

        study(p);
        for (int i = 0; i < 3; i++) {
            sit(p, false);
            if (i < 2) {
                execute(job("Event_RetryWait", p));
            }
        }
        complete(task("Task_DecideAfterFailedExams", p), withVariables("leadDecision", "WITHDRAW"));
        assertThat(p).hasPassed("EndEvent_LearningWithdrawn").isEnded();
        assertThat(mapper.learning(learningId(p)).state()).isEqualTo("WITHDRAWN");
        assertThat(mapper.exams(learningId(p)))
                .hasSize(6)
                .allSatisfy(e -> assertThat(e.passed()).isFalse());
        // withdrawn: the sweep does not assign it again at once, but an admin may
        jdbc.update(
                "UPDATE gm_crew_certification SET expires_at = ? WHERE crew_id = ?",
                Instant.now().minusSeconds(60),
                g.crew(2));
        assertThat(learning.sweep()).noneMatch(l -> l.crewId().equals(g.crew(2)));
        assertThat(started(2)).isWaitingAt("Task_StudyLessons");
    }

    @Test
    void aCompletionThatSkipsTheLessonsOrTampersWithTheExamIsRefusedAndTheTaskStays() {
        ProcessInstance p = started(3);
        Task studyTask = task("Task_StudyLessons", p);
        assertThatThrownBy(() -> complete(studyTask, withVariables("lessonsRead", false)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("study every lesson");
        assertThat(p).isWaitingAt("Task_StudyLessons");
        study(p);

        Task exam = task("Task_TakeExam", p);
        Map<String, Object> notAnOption = new HashMap<>(courses.answers(exam, true));
        String single = notAnOption.keySet().stream()
                .filter(k -> !k.endsWith("m"))
                .findFirst()
                .orElseThrow();
        notAnOption.put(single, "Z");
        assertThatThrownBy(() -> complete(exam, notAnOption))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("not one of its options");
        Map<String, Object> unasked = new HashMap<>(courses.answers(exam, true));
        unasked.put("a9", "A");
        assertThatThrownBy(() -> complete(exam, unasked))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("question 9 was not asked");
        Map<String, Object> unanswered = new HashMap<>(courses.answers(exam, true));
        unanswered.remove(single);
        assertThatThrownBy(() -> complete(exam, unanswered))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("answer question");
        assertThat(p).isWaitingAt("Task_TakeExam");
        assertThat(mapper.exams(learningId(p)))
                .singleElement()
                .satisfies(e -> assertThat(e.submittedAt()).isNull());

        // a second learning of the same skill is refused while this one is open
        assertThatThrownBy(() -> learning.start(g.crew(3), "LV", LearningService.Reason.ASSIGNED, "admin"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("ALREADY_LEARNING"));
    }

    @Test
    void anExamDrawnBeforeTheCourseWasImportedAgainStillScores() {
        ProcessInstance p = started(4);
        study(p);
        Task exam = task("Task_TakeExam", p);
        Map<String, Object> answers = courses.answers(exam, true);
        // the bank is replaced while the crew sits the exam: its questions are gone, the sitting still ends
        CourseDocument original = LearningFixture.document();
        CourseDocument.Course c = original.courses().get(0);
        List<CourseDocument.Question> renamed = c.questions().stream()
                .map(q -> new CourseDocument.Question("N" + q.id(), q.text(), q.multiple(), q.options(), q.correct()))
                .toList();
        importer.importCourses(
                new CourseDocument(List.of(new CourseDocument.Course(
                        c.id(),
                        c.skill(),
                        c.title(),
                        c.passMark(),
                        c.questionsPerExam(),
                        c.validDays(),
                        c.lessons(),
                        renamed))),
                "test");
        complete(exam, answers);
        assertThat(p).hasPassed("Task_CertifySkill").isWaitingAt("Event_RenewalDue");
    }

    @Test
    void theSweepAssignsAMissingOrExpiringSkillOnce() {
        // K1 never had LV; K2's LV ends in ten days; K3's in a year; K4's MV (not required) ends in ten days
        jdbc.update("DELETE FROM gm_crew_certification WHERE crew_id = ?", g.crew(1));
        jdbc.update(
                "UPDATE gm_crew_certification SET expires_at = ? WHERE crew_id = ?",
                Instant.now().plus(10, ChronoUnit.DAYS),
                g.crew(2));
        jdbc.update(
                "UPDATE gm_crew_certification SET expires_at = ? WHERE crew_id = ? AND skill = 'MV'",
                Instant.now().plus(10, ChronoUnit.DAYS),
                g.crew(4));
        List<LearningMapper.LearningRow> started = learning.sweep();
        assertThat(started.stream().filter(l -> l.crewId().startsWith(g.p())))
                .extracting(
                        LearningMapper.LearningRow::crewId,
                        LearningMapper.LearningRow::skill,
                        LearningMapper.LearningRow::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(g.crew(1), "LV", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple(g.crew(2), "LV", "EXPIRING"));
        assertThat(learning.sweep()).noneMatch(l -> l.crewId().startsWith(g.p()));
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(2, ChronoUnit.MINUTES);
    }
}
