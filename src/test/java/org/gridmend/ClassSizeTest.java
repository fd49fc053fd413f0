package org.gridmend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A class a newcomer can hold in their head: no main source file over 300 lines (split it by responsibility). */
class ClassSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void noMainClassIsOver300Lines() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> l = Files.lines(file)) {
                    lines = l.count();
                }
                if (lines > MAX_LINES) {
                    tooLong.put(file.toString(), lines);
                }
            }
        }
        assertThat(tooLong).as("main source files over " + MAX_LINES + " lines").isEmpty();
    }
}
