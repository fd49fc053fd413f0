package org.gridmend.electrician;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The signed-in electrician's jobs (their steps are Tasklist forms): details, messages, photos. */
@RestController
@RequestMapping(path = "/api/electrician-jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Social electricians")
class ElectricianJobController {

    record MessageRequest(String text) {}

    private final JobWorkService work;

    ElectricianJobController(JobWorkService work) {
        this.work = work;
    }

    @GetMapping
    @Operation(summary = "The jobs offered to or taken by the signed-in electrician, newest first")
    List<JobWorkService.Work> mine() {
        return work.mine(StaffUser.current());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the electrician's jobs: the customer's address and phone once accepted")
    JobWorkService.Work one(@PathVariable String id) {
        return work.one(StaffUser.current(), id);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "Messages with the job's customer, oldest first")
    List<JobMessage> messages(@PathVariable String id) {
        return work.messages(StaffUser.current(), id);
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tell the customer something (they get it by SMS and on the tracking page)")
    ResponseEntity<JobMessage> send(@PathVariable String id, @RequestBody MessageRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(work.send(StaffUser.current(), id, body.text()));
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A photo of the work (part file: JPEG or PNG), from arrival to completion; 6 at most")
    ResponseEntity<Map<String, Long>> photo(
            @PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw Refusal.invalid("MISSING_FIELD", "file", "file is required: a JPEG or PNG photo");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", work.addPhoto(StaffUser.current(), id, file.getBytes())));
    }

    @GetMapping(
            path = "/{id}/photos/{photoId}",
            produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "A photo of the job")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable long photoId) {
        JobPhoto photo = work.photo(StaffUser.current(), id, photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .body(photo.data());
    }
}
