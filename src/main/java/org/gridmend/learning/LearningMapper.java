package org.gridmend.learning;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Courses, lessons and question banks; crews' certifications, learnings, study time and exams. */
@Mapper
public interface LearningMapper {

    // ---- courses

    int updateCourse(@Param("c") CourseRow course);

    int insertCourse(@Param("c") CourseRow course);

    CourseRow course(@Param("id") String id);

    CourseRow courseOfSkill(@Param("skill") String skill);

    List<CourseRow> courses();

    int deleteLessons(@Param("courseId") String courseId);

    int insertLessons(@Param("courseId") String courseId, @Param("rows") List<LessonRow> lessons);

    List<LessonRow> lessons(@Param("courseId") String courseId);

    int deleteQuestions(@Param("courseId") String courseId);

    int insertQuestions(@Param("courseId") String courseId, @Param("rows") List<QuestionRow> questions);

    List<QuestionRow> questions(@Param("courseId") String courseId);

    // ---- certifications

    int insertInitialCertification(
            @Param("crewId") String crewId,
            @Param("skill") String skill,
            @Param("at") Instant at,
            @Param("expiresAt") Instant expiresAt);

    int updateCertification(
            @Param("crewId") String crewId,
            @Param("skill") String skill,
            @Param("at") Instant at,
            @Param("expiresAt") Instant expiresAt,
            @Param("source") String source);

    int insertCertification(
            @Param("crewId") String crewId,
            @Param("skill") String skill,
            @Param("at") Instant at,
            @Param("expiresAt") Instant expiresAt,
            @Param("source") String source);

    List<CertificationRow> certifications(@Param("crewId") String crewId);

    List<CertificationRow> allCertifications();

    // ---- crews

    List<CrewRow> crews();

    CrewRow crew(@Param("id") String id);

    CrewRow crewOfUser(@Param("userId") String userId);

    // ---- learnings

    int insertLearning(@Param("l") NewLearning learning);

    LearningRow learning(@Param("id") long id);

    List<LearningRow> learningsOf(@Param("crewId") String crewId);

    List<LearningRow> openLearnings();

    int setState(@Param("id") long id, @Param("state") String state);

    int addFail(@Param("id") long id);

    int resetFails(@Param("id") long id);

    int reopen(@Param("id") long id, @Param("openKey") String openKey, @Param("reason") String reason);

    int end(@Param("id") long id, @Param("state") String state, @Param("at") Instant at);

    int updateTime(
            @Param("learningId") long learningId,
            @Param("lessonId") String lessonId,
            @Param("seconds") int seconds,
            @Param("at") Instant at);

    int insertTime(
            @Param("learningId") long learningId,
            @Param("lessonId") String lessonId,
            @Param("seconds") int seconds,
            @Param("at") Instant at);

    List<LessonTime> times(@Param("learningId") long learningId);

    // ---- exams

    int insertExam(@Param("e") NewExam exam);

    /** The learning's latest sitting not submitted yet. */
    ExamRow openExam(@Param("learningId") long learningId);

    int submitExam(
            @Param("id") long id,
            @Param("answers") String answers,
            @Param("score") int score,
            @Param("passed") boolean passed,
            @Param("at") Instant at);

    List<ExamRow> exams(@Param("learningId") long learningId);

    record CourseRow(
            String id,
            String skill,
            String title,
            int passMark,
            int questionsPerExam,
            int validDays,
            String updatedBy,
            Instant updatedAt) {}

    record LessonRow(String id, int seq, String title, String body, String imageUrl, String videoUrl, int minutes) {}

    record QuestionRow(String id, int seq, String text, boolean multiple, String options, String correct) {}

    record CertificationRow(String crewId, String skill, Instant certifiedAt, Instant expiresAt, String source) {}

    record CrewRow(String id, String employeeNo, String name, String userId, String stationId) {}

    record LearningRow(
            long id,
            String crewId,
            String skill,
            String courseId,
            String reason,
            String state,
            int fails,
            String startedBy,
            Instant startedAt,
            Instant endedAt) {}

    record LessonTime(String lessonId, int seconds, Instant firstAt, Instant lastAt) {}

    record ExamRow(
            long id,
            long learningId,
            String taskId,
            String questionIds,
            Instant startedAt,
            Instant submittedAt,
            String answers,
            Integer score,
            Boolean passed) {}

    final class NewLearning {
        public Long id;
        public String crewId;
        public String skill;
        public String courseId;
        public String reason;
        public String openKey;
        public String startedBy;
        public Instant startedAt;
    }

    final class NewExam {
        public Long id;
        public long learningId;
        public String taskId;
        public String questionIds;
        public Instant startedAt;
    }

    static String openKey(String crewId, String skill) {
        return crewId + "|" + skill;
    }
}
