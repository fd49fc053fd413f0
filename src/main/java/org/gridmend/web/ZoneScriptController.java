package org.gridmend.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import org.gridmend.core.UtilityZone;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The utility's zone for the pages ({@code /js/zone.js}, loaded before {@code customer.js}): the pages show every
 * time in it, by its name, whatever zone the browser is in.
 */
@RestController
@Hidden
class ZoneScriptController {

    private final String script;

    ZoneScriptController(UtilityZone zone, ObjectMapper json) throws JsonProcessingException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("id", zone.zone().getId());
        facts.put("zh", zone.nameZh());
        facts.put("en", zone.nameEn());
        this.script = "window.GM_ZONE = " + json.writeValueAsString(facts) + ";\n";
    }

    @GetMapping(path = "/js/zone.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> script() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .body(script);
    }
}
