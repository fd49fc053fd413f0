package org.gridmend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The forms speak to crews and dispatchers, not to developers, and a time entered in them is read in the utility's
 * zone whatever the browser's: no API calls as instructions, no date pickers (form-js writes the browser's offset
 * into them and shows the browser's locale, mm/dd/yyyy in an English browser), and every time field is 24-hour
 * text checked by a pattern.
 */
class FormWordingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void formsNeitherTeachTheApiNorUseTheBrowsersZone() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path form :
                    files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                walk(form.getFileName().toString(), JSON.readTree(form.toFile()).path("components"), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theTimeFieldsTakeTheUtilitysFormat() throws IOException {
        for (String name : List.of("DiagnoseFault", "PublishOutageNotice")) {
            JsonNode form = JSON.readTree(Path.of("forms", name + ".form").toFile());
            List<JsonNode> times = new ArrayList<>();
            for (JsonNode c : form.path("components")) {
                if (List.of("etr", "start", "expectedEnd")
                        .contains(c.path("key").asText())) {
                    times.add(c);
                }
            }
            assertThat(times).as(name).isNotEmpty();
            for (JsonNode field : times) {
                assertThat(field.path("type").asText()).isEqualTo("textfield");
                String pattern = field.path("validate").path("pattern").asText();
                assertThat("2026-12-02 20:30").matches(pattern);
                assertThat("12/02/2026 08:30 PM").doesNotMatch(pattern);
                assertThat(field.path("description").asText()).contains("24 小时制");
            }
        }
    }

    private static void walk(String form, JsonNode components, List<String> problems) {
        for (JsonNode c : components) {
            String text = c.path("text").asText("")
                    + c.path("label").asText("")
                    + c.path("description").asText("");
            if (text.contains("/api/") || text.contains("POST ") || text.contains("multipart")) {
                problems.add(form + " " + c.path("id").asText() + " shows an API call");
            }
            if (c.path("type").asText().equals("datetime")) {
                problems.add(form + " " + c.path("id").asText() + " is a date picker in the browser's zone");
            }
            walk(form, c.path("components"), problems);
        }
    }
}
