package org.gridmend.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the learning pages read: the courses, a crew's certifications and learnings with their lessons and exams. */
@Service
public class LearningQueryService {

    private final LearningMapper mapper;
    private final TaskService tasks;

    LearningQueryService(LearningMapper mapper, TaskService tasks) {
        this.mapper = mapper;
        this.tasks = tasks;
    }

    /** A course as crews see it: its lessons, and how many questions its bank holds (never the answers). */
    public record Course(
            String id,
            String skill,
            String title,
            int passMark,
            int questionsPerExam,
            int validDays,
            int questionsInBank,
            List<LearningMapper.LessonRow> lessons) {}

    public record Lesson(
            String id, String title, String body, String imageUrl, String videoUrl, int minutes, int secondsStudied) {}

    public record Exam(java.time.Instant submittedAt, Integer score, Boolean passed) {}

    /**
     * One learning: where it is (STUDYING, EXAM_DUE, EXAM, FAILED, ESCALATED, CERTIFIED, WITHDRAWN), its lessons with
     * the time studied, its exams, and the Tasklist task waiting for the crew now, if any.
     */
    public record Learning(
            String learningId,
            String skill,
            String courseTitle,
            String reason,
            String state,
            int fails,
            java.time.Instant startedAt,
            List<Lesson> lessons,
            List<Exam> exams,
            String taskId,
            String taskName) {}

    public record CrewLearning(
            String crewId,
            String employeeNo,
            List<LearningMapper.CertificationRow> certifications,
            List<Learning> learnings) {}

    @Transactional(readOnly = true)
    public List<Course> courses() {
        return mapper.courses().stream()
                .map(c -> new Course(
                        c.id(),
                        c.skill(),
                        c.title(),
                        c.passMark(),
                        c.questionsPerExam(),
                        c.validDays(),
                        mapper.questions(c.id()).size(),
                        mapper.lessons(c.id())))
                .toList();
    }

    /** The caller's crew, or 404 for a user who works as no crew of the archive. */
    @Transactional(readOnly = true)
    public LearningMapper.CrewRow crewOf(Authentication caller) {
        return Optional.ofNullable(caller == null ? null : mapper.crewOfUser(caller.getName()))
                .orElseThrow(() -> Refusal.notFound("crew of user", caller == null ? null : caller.getName()));
    }

    @Transactional(readOnly = true)
    public LearningMapper.CrewRow crew(String crewId) {
        return Optional.ofNullable(crewId == null ? null : mapper.crew(crewId))
                .orElseThrow(() -> Refusal.notFound("crew", crewId));
    }

    @Transactional(readOnly = true)
    public CrewLearning of(LearningMapper.CrewRow crew) {
        List<Learning> learnings =
                mapper.learningsOf(crew.id()).stream().map(this::learning).toList();
        return new CrewLearning(crew.id(), crew.employeeNo(), mapper.certifications(crew.id()), learnings);
    }

    private Learning learning(LearningMapper.LearningRow l) {
        LearningMapper.CourseRow course = mapper.course(l.courseId());
        Map<String, Integer> seconds = new HashMap<>();
        mapper.times(l.id()).forEach(t -> seconds.put(t.lessonId(), t.seconds()));
        List<Lesson> lessons = mapper.lessons(l.courseId()).stream()
                .map(x -> new Lesson(
                        x.id(),
                        x.title(),
                        x.body(),
                        x.imageUrl(),
                        x.videoUrl(),
                        x.minutes(),
                        seconds.getOrDefault(x.id(), 0)))
                .toList();
        List<Exam> exams = mapper.exams(l.id()).stream()
                .filter(e -> e.submittedAt() != null)
                .map(e -> new Exam(e.submittedAt(), e.score(), e.passed()))
                .toList();
        Task task = l.endedAt() != null
                ? null
                : tasks
                        .createTaskQuery()
                        .processInstanceBusinessKey(PublicIds.learning(l.id()))
                        .active()
                        .list()
                        .stream()
                        .findFirst()
                        .orElse(null);
        return new Learning(
                PublicIds.learning(l.id()),
                l.skill(),
                course == null ? null : course.title(),
                l.reason(),
                l.state(),
                l.fails(),
                l.startedAt(),
                lessons,
                exams,
                task == null ? null : task.getId(),
                task == null ? null : task.getTaskDefinitionKey());
    }
}
