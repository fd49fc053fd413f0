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
 * Each of GridMend's tables is written by exactly one mapper, and so by one package: the statements that insert,
 * update or delete rows are read from every mapper XML. The retention clean-up, which deletes old rows of every
 * table by name, is the one exception. Other packages ask the owner's services (ArchitectureTest keeps mappers to
 * their own package).
 */
class TableOwnershipTest {

    private static final Pattern WRITE =
            Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(gm_[a-z_]+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasOneWritingMapper() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        Path root = Path.of("src/main/resources/org/gridmend");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path xml :
                    files.filter(p -> p.toString().endsWith("Mapper.xml")).toList()) {
                if (xml.getFileName().toString().equals("RetentionMapper.xml")) {
                    continue;
                }
                String mapper = root.relativize(xml).toString();
                Matcher m = WRITE.matcher(Files.readString(xml, StandardCharsets.UTF_8));
                while (m.find()) {
                    writers.computeIfAbsent(m.group(1).toLowerCase(), t -> new TreeSet<>())
                            .add(mapper);
                }
            }
        }
        assertThat(writers)
                .containsEntry("gm_incident", Set.of("triage/IncidentMapper.xml"))
                .containsEntry("gm_repair_order", Set.of("repair/RepairOrderMapper.xml"))
                .containsEntry("gm_report", Set.of("report/ReportMapper.xml"))
                .containsEntry("gm_crew", Set.of("grid/GridMapper.xml"))
                .containsEntry("gm_crew_status", Set.of("repair/CrewMapper.xml"));
        Map<String, Set<String>> shared = new TreeMap<>();
        writers.forEach((table, mappers) -> {
            if (mappers.size() > 1) {
                shared.put(table, mappers);
            }
        });
        assertThat(shared).as("tables written by more than one mapper").isEmpty();
    }
}
