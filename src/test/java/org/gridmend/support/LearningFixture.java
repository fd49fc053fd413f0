package org.gridmend.support;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridmend.learning.CourseDocument;
import org.gridmend.learning.CourseImportService;
import org.springframework.stereotype.Component;

/**
 * The tests' low-voltage course: two lessons and a bank of four questions (three single choice whose right option is
 * A, one multiple choice whose right options are A and B), three drawn per exam, pass mark 100: one wrong answer fails.
 */
@Component
public class LearningFixture {

    public static final String COURSE = "TEST-LV";

    private final CourseImportService importer;
    private final ProcessEngine engine;

    LearningFixture(CourseImportService importer, ProcessEngine engine) {
        this.importer = importer;
        this.engine = engine;
    }

    public static CourseDocument document() {
        List<CourseDocument.Option> options = List.of(
                new CourseDocument.Option("A", "对 right"),
                new CourseDocument.Option("B", "也对 also right"),
                new CourseDocument.Option("C", "错 wrong"));
        return new CourseDocument(List.of(new CourseDocument.Course(
                COURSE,
                "LV",
                "测试低压课程 Test low-voltage course",
                100,
                3,
                365,
                List.of(
                        new CourseDocument.Lesson("L1", "验电 Testing for voltage", "先验电再挂接地线。", null, null, 2),
                        new CourseDocument.Lesson(
                                "L2",
                                "表后故障 Behind the meter",
                                "表计有电而户内无电。",
                                null,
                                "https://example.org/meter-video",
                                3)),
                List.of(
                        new CourseDocument.Question("Q1", "第一题 first", false, options, List.of("A")),
                        new CourseDocument.Question("Q2", "第二题 second", false, options, List.of("A")),
                        new CourseDocument.Question("Q3", "第三题 third", false, options, List.of("A")),
                        new CourseDocument.Question("Q4", "第四题 fourth", true, options, List.of("A", "B"))))));
    }

    public void importCourse() {
        importer.importCourses(document(), "test");
    }

    /**
     * The answers to the exam this task shows, as its form would send them: all right, or with the first question
     * wrong. Multiple-choice answers are JSON lists, as Tasklist sends them.
     */
    public Map<String, Object> answers(Task exam, boolean right) {
        Map<String, Object> shown = engine.getTaskService().getVariablesLocal(exam.getId());
        Map<String, Object> answers = new java.util.HashMap<>();
        for (int slot = 1; slot <= 10; slot++) {
            Object kind = shown.get("q" + slot + "Kind");
            if (kind == null) {
                continue;
            }
            boolean wrong = !right && slot == 1;
            if ("multiple".equals(kind)) {
                answers.put(
                        "a" + slot + "m",
                        SpinValues.jsonValue(wrong ? "[\"C\"]" : "[\"A\",\"B\"]")
                                .create());
            } else {
                answers.put("a" + slot, wrong ? "C" : "A");
            }
        }
        return answers;
    }
}
