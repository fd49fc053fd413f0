package org.gridmend.demo;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's development AMI head-end ({@code gridmend.ami.url} points here in the demo profile): meters below the
 * faults of the board's storm answer dark, every other meter powered, so that the storm shows pings confirming and
 * vetoing predictions.
 */
@RestController
@Profile("demo")
@Hidden
class DevHeadEndController {

    record Ping(String requestId, List<String> meterNos) {}

    private final HeadEndSimulator headEnd;

    DevHeadEndController(HeadEndSimulator headEnd) {
        this.headEnd = headEnd;
    }

    @PostMapping(
            path = "/dev/ami/ping",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> ping(@RequestBody Ping ping) {
        return headEnd.ping(
                ping.meterNos() == null
                        ? List.of()
                        : ping.meterNos().stream().limit(1000).toList());
    }
}
