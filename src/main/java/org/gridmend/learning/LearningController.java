package org.gridmend.learning;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;
import static org.gridmend.core.StaffGroups.LEADS;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/learning", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Learning", description = "Courses, exams and the certifications dispatch relies on (碎片化学习考试)")
class LearningController {

    private final CourseImportService importer;
    private final LearningService learning;
    private final LearningQueryService query;

    LearningController(CourseImportService importer, LearningService learning, LearningQueryService query) {
        this.importer = importer;
        this.learning = learning;
        this.query = query;
    }

    @PostMapping(path = "/courses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import courses (admins): lessons and a question bank per skill, upserted by id",
            description = "{courses: [{id, skill: LV|MV, title, passMark (1-100), questionsPerExam (1-10), validDays, "
                    + "lessons: [{id, title, body, imageUrl, videoUrl, minutes (1-10)}], questions: [{id, text, "
                    + "multiple, options: [{key: A-H, text}], correct: [keys]}]}]}. One course per skill.")
    CourseImportService.ImportResult importCourses(@RequestBody CourseDocument body, Authentication caller) {
        return importer.importCourses(body, caller.getName());
    }

    @GetMapping("/courses")
    @Operation(summary = "The courses with their lessons (never the answers)")
    List<LearningQueryService.Course> courses() {
        return query.courses();
    }

    record Assignment(String crewId, String skill) {}

    @PostMapping(path = "/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Assign a crew the course of a skill (admins, station leads)",
            description = "{crewId, skill}. 409 ALREADY_LEARNING while the crew learns it; 409 NO_COURSE before the "
                    + "skill has a course.")
    ResponseEntity<LearningQueryService.CrewLearning> assign(@RequestBody Assignment body, Authentication caller) {
        learning.start(body.crewId(), body.skill(), LearningService.Reason.ASSIGNED, caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(query.of(query.crew(body.crewId().trim())));
    }

    @GetMapping("/me")
    @Operation(summary = "The caller crew's certifications and learnings, with lessons and time studied (crews)")
    LearningQueryService.CrewLearning me(Authentication caller) {
        return query.of(query.crewOf(caller));
    }

    @GetMapping("/crews/{crewId}")
    @Operation(summary = "A crew's certifications and learnings (dispatchers, auditors, station leads, the crew)")
    LearningQueryService.CrewLearning crew(@PathVariable String crewId, Authentication caller) {
        LearningMapper.CrewRow crew = query.crew(crewId);
        boolean self = crew.userId() != null && crew.userId().equals(caller.getName());
        boolean staff = StaffGroups.isMember(caller, DISPATCHERS)
                || StaffGroups.isMember(caller, AUDITORS)
                || StaffGroups.isMember(caller, LEADS)
                || StaffGroups.isMember(caller, ADMINS);
        if (!self && !staff) {
            throw Refusal.forbidden("only the crew itself, dispatchers, auditors and station leads");
        }
        return query.of(crew);
    }

    record StudyTime(Integer seconds) {}

    @PostMapping(path = "/{learningId}/lessons/{lessonId}/time", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Time the learning page measured on a lesson (the crew itself): {seconds}")
    ResponseEntity<Void> time(
            @PathVariable String learningId,
            @PathVariable String lessonId,
            @RequestBody StudyTime body,
            Authentication caller) {
        learning.recordTime(query.crewOf(caller), PublicIds.parseLearning(learningId), lessonId, body.seconds());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{learningId}/studied")
    @Operation(summary = "Done studying on the phone: the exam comes next (the crew itself)")
    ResponseEntity<Void> studied(@PathVariable String learningId, Authentication caller) {
        learning.finishStudy(query.crewOf(caller), PublicIds.parseLearning(learningId));
        return ResponseEntity.noContent().build();
    }
}
