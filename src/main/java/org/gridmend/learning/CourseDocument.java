package org.gridmend.learning;

import java.util.List;

/**
 * The import format of {@code POST /api/learning/courses}: courses upserted by id, one per skill, each with its
 * lessons and its question bank. A course imported again replaces its lessons and questions.
 */
public record CourseDocument(List<Course> courses) {

    public record Course(
            String id,
            String skill,
            String title,
            Integer passMark,
            Integer questionsPerExam,
            Integer validDays,
            List<Lesson> lessons,
            List<Question> questions) {}

    public record Lesson(String id, String title, String body, String imageUrl, String videoUrl, Integer minutes) {}

    public record Question(String id, String text, Boolean multiple, List<Option> options, List<String> correct) {}

    public record Option(String key, String text) {}
}
