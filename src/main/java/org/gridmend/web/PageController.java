package org.gridmend.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages' own paths (DESIGN.md section 4), served from the static files. */
@Controller
class PageController {

    /** The tracking page, the link in every message; the page reads the report id from its path. */
    @GetMapping("/track/{reportId}")
    String track(@PathVariable String reportId) {
        return "forward:/track.html";
    }

    @GetMapping("/outages")
    String outages() {
        return "forward:/outages.html";
    }

    /** The dispatchers' live board. */
    @GetMapping("/board")
    String board() {
        return "forward:/board.html";
    }

    /** The auditors' page: search, traces, CSV export, the audit chain's check. */
    @GetMapping("/audit")
    String audit() {
        return "forward:/audit.html";
    }

    /** The hotline agents' desk; it signs in with the dispatcher's own user against the API. */
    @GetMapping("/agent")
    String agent() {
        return "forward:/agent.html";
    }

    /** The crews' learning page on their phones: lessons, study time, exams, certifications, the month's figures. */
    @GetMapping("/learn")
    String learn() {
        return "forward:/learn.html";
    }

    /** The month's crew performance with CSV export and 12-month charts. */
    @GetMapping("/performance")
    String performance() {
        return "forward:/performance.html";
    }

    /** Drawing the crews' grids on the map of transformer areas. */
    @GetMapping("/grids")
    String grids() {
        return "forward:/grids.html";
    }

    @GetMapping("/electricians/apply")
    String electricianApplication() {
        return "forward:/electricians/apply.html";
    }

    @GetMapping("/services/electrician")
    String electricianService() {
        return "forward:/services/electrician.html";
    }

    @GetMapping("/services/custody")
    String custody() {
        return "forward:/services/custody.html";
    }

    @GetMapping("/services/job")
    String serviceJob() {
        return "forward:/services/job.html";
    }

    @GetMapping("/rental")
    String rental() {
        return "forward:/rental/index.html";
    }

    @GetMapping("/rental/list")
    String rentalList() {
        return "forward:/rental/list.html";
    }

    @GetMapping("/rental/admin")
    String rentalAdmin() {
        return "forward:/rental/admin.html";
    }

    @GetMapping("/password")
    String password() {
        return "forward:/password.html";
    }

    @GetMapping("/electrician")
    String electrician() {
        return "forward:/electrician.html";
    }
}
