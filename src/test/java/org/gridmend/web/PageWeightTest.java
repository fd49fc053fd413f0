package org.gridmend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Pages stay light on a phone and readable without a mouse: no page carries more than 300 KB of its own JavaScript
 * (the libraries of the map and the charts excluded), every form control has a label, and nothing is fetched from another host.
 */
class PageWeightTest {

    static final Path STATIC = Path.of("src/main/resources/static");
    static final Pattern SCRIPT_SRC = Pattern.compile("<script src=\"(/[^\"]+)\"");
    static final Pattern INLINE = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    static final Pattern CONTROL_ID = Pattern.compile("<(?:input|textarea|select)[^>]*\\bid=\"([^\"]+)\"[^>]*>");

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(STATIC)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void noPageCarriesMoreThan300KbOfItsOwnScript() throws IOException {
        for (Path page : pages()) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            long bytes = 0;
            Matcher inline = INLINE.matcher(html);
            while (inline.find()) {
                bytes += inline.group(1).getBytes(StandardCharsets.UTF_8).length;
            }
            Matcher src = SCRIPT_SRC.matcher(html);
            while (src.find()) {
                if (src.group(1).startsWith("/webjars/") || src.group(1).equals("/js/zone.js")) {
                    continue; // a library's own (the map, the charts), and the utility's zone (one line)
                }
                Path file = STATIC.resolve(src.group(1).substring(1));
                assertThat(file).as(page + " loads " + src.group(1)).exists();
                bytes += Files.size(file);
            }
            assertThat(bytes).as(page.getFileName() + " script bytes").isLessThan(300 * 1024);
        }
    }

    @Test
    void everyFormControlHasALabelOrAnAccessibleName() throws IOException {
        for (Path page : pages()) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Matcher control = CONTROL_ID.matcher(html);
            while (control.find()) {
                String tag = control.group();
                String id = control.group(1);
                boolean labelled = html.contains("for=\"" + id + "\"")
                        || tag.contains("aria-label")
                        || tag.contains("type=\"radio\"")
                        || tag.contains("type=\"hidden\"");
                assertThat(labelled)
                        .as(page.getFileName() + ": control #" + id + " has no label")
                        .isTrue();
            }
        }
    }

    @Test
    void pagesLoadNothingFromOtherHosts() throws IOException {
        for (Path page : pages()) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(html).as(page.getFileName().toString()).doesNotContainPattern("(src|href)=\"(https?:)?//");
        }
    }
}
