package org.gridmend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The repair-order forms show one header, written once in pom.xml (gridmend.form.order-header): every form with the
 * placeholder gets exactly that text on the classpath, which is what the engine deploys and Tasklist shows.
 */
class FormHeaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRepairOrderFormShowsTheSharedHeader() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher shared = Pattern.compile("<gridmend.form.order-header>(.*)</gridmend.form.order-header>")
                .matcher(pom);
        assertThat(shared.find()).as("the header in pom.xml").isTrue();
        String header = shared.group(1).replace("\\n", "\n");
        assertThat(header).startsWith("### 抢修工单 {{orderId}}").contains("\n- 到达时限 (arrive by)");

        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        int withHeader = 0;
        for (Path source : forms) {
            boolean placeholder =
                    Files.readString(source, StandardCharsets.UTF_8).contains("\"@gridmend.form.order-header@\"");
            JsonNode deployed;
            try (InputStream in = getClass().getResourceAsStream("/forms/" + source.getFileName())) {
                assertThat(in)
                        .as("forms/%s on the classpath", source.getFileName())
                        .isNotNull();
                deployed = JSON.readTree(in);
            }
            String text = null;
            for (JsonNode component : deployed.path("components")) {
                if ("Text_Order".equals(component.path("id").asText())) {
                    text = component.path("text").asText();
                }
            }
            if (placeholder) {
                withHeader++;
                assertThat(text).as("%s's header", source.getFileName()).isEqualTo(header);
            } else {
                assertThat(text)
                        .as("%s has no order header", source.getFileName())
                        .isNull();
            }
            assertThat(deployed.toString())
                    .as(source.getFileName().toString())
                    .doesNotContain("@gridmend.form.order-header@");
        }
        assertThat(withHeader).as("forms with the order header").isEqualTo(8);
    }
}
