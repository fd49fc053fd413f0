package org.gridmend.performance;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/performance")
@Tag(name = "Performance", description = "Crews' monthly performance (内部绩效评价): arrivals, ratings, reviews, learning")
class PerformanceController {

    private final PerformanceService performance;

    PerformanceController(PerformanceService performance) {
        this.performance = performance;
    }

    @GetMapping("/crews")
    @Operation(
            summary =
                    "Every crew's figures for a month, in the utility's zone (dispatchers, auditors, the crew itself)",
            description = "?month=2026-12 (required), crewId (optional; a crew sees only itself), format=csv for a "
                    + "spreadsheet. Figures: orders, arrivals, onTimeShare, averageMinutesToArrive, ratingAverage, "
                    + "ratingCount, sentBack, repeatFaults, learningMinutes, examsPassed, score.")
    ResponseEntity<?> month(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String crewId,
            @RequestParam(required = false) String format,
            Authentication caller) {
        YearMonth m = PerformanceService.month(month);
        String crew = performance.visibleCrew(caller.getName(), staff(caller), crewId);
        PerformanceService.Month figures = performance.month(m, crew);
        if (format == null || format.isBlank() || format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
        }
        if (!format.equals("csv")) {
            throw Refusal.invalid("INVALID_FIELD", "format", "format must be json or csv");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"performance-" + m + ".csv\"")
                .body(PerformanceCsv.write(figures));
    }

    @GetMapping(path = "/crews/{crewId}/months", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One crew's figures month by month up to ?to=2026-12 (count months, default 12), for charts")
    List<PerformanceService.CrewMonth> history(
            @PathVariable String crewId,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "12") int count,
            Authentication caller) {
        String crew = performance.visibleCrew(caller.getName(), staff(caller), crewId);
        return performance.history(crew, PerformanceService.month(to), count);
    }

    private static boolean staff(Authentication caller) {
        return StaffGroups.isMember(caller, DISPATCHERS)
                || StaffGroups.isMember(caller, AUDITORS)
                || StaffGroups.isMember(caller, ADMINS);
    }
}
