package org.gridmend.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Demo profile only: the board's button that lets a visitor watch a storm unfold. */
@RestController
@Profile("demo")
@ConditionalOnClass(name = "org.gridmend.demo.storm.StormSimulator") // not in the packaged jar
@RequestMapping(path = "/api/demo/storm", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Demo")
class DemoStormController {

    private final DemoStormService storms;

    DemoStormController(DemoStormService storms) {
        this.storms = storms;
    }

    @GetMapping
    @Operation(summary = "The demo storm: running or not, its latest progress and result")
    DemoStormService.Status status() {
        return storms.status();
    }

    @PostMapping
    @Operation(summary = "Start a storm against this GridMend (409 while one runs)")
    ResponseEntity<DemoStormService.Status> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(storms.start());
    }
}
