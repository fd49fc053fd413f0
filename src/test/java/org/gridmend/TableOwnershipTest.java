package org.gridmend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each of GridMend's tables is written by one package's mapper: the statements that insert, update or delete
 * rows are read from every mapper XML. The retention clean-up, which deletes old rows of every table by name, is
 * the one exception. One table still has two writers, listed here so that no second joins it while it is
 * given one owner: gm_incident (triage's incident and repair's crew work, to be split into the incident and its
 * repair order).
 */
class TableOwnershipTest {

    private static final Pattern WRITE =
            Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(gm_[a-z_]+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasOneWritingPackage() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        Path root = Path.of("src/main/resources/org/gridmend");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path xml :
                    files.filter(p -> p.toString().endsWith("Mapper.xml")).toList()) {
                String feature = root.relativize(xml).getName(0).toString();
                if (xml.getFileName().toString().equals("RetentionMapper.xml")) {
                    continue;
                }
                Matcher m = WRITE.matcher(Files.readString(xml, StandardCharsets.UTF_8));
                while (m.find()) {
                    writers.computeIfAbsent(m.group(1).toLowerCase(), t -> new TreeSet<>())
                            .add(feature);
                }
            }
        }
        assertThat(writers).isNotEmpty().containsKey("gm_report").containsKey("gm_incident_told");
        Map<String, Set<String>> shared = new TreeMap<>();
        writers.forEach((table, features) -> {
            if (features.size() > 1) {
                shared.put(table, features);
            }
        });
        assertThat(shared)
                .as("tables written by more than one package")
                .isEqualTo(Map.of("gm_incident", Set.of("repair", "triage")));
    }
}
