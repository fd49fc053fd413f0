package org.gridmend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every file under processes/ follows the house rules; the rules themselves are shown to catch what they should. */
class BpmnConformanceTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Path SAMPLE = Path.of("src/test/resources/bpmn/conformant-sample.bpmn");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyProcessFileConforms() throws IOException {
        assertThat(PROCESSES).isDirectory();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Path> bpmn =
                    files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
            return bpmn.stream()
                    .map(file -> DynamicTest.dynamicTest(
                            file.getFileName().toString(),
                            () -> assertThat(BpmnConformance.check(file, FORMS)).isEmpty()));
        }
    }

    @Test
    void theSampleConforms() throws IOException {
        assertThat(BpmnConformance.check(SAMPLE, null)).isEmpty();
    }

    @Test
    void aMissingDiagramIsCaught() throws IOException {
        String sample = sample();
        String withoutDiagram = sample.substring(0, sample.indexOf("  <bpmndi:BPMNDiagram"))
                + sample.substring(sample.indexOf("</bpmndi:BPMNDiagram>") + "</bpmndi:BPMNDiagram>".length());
        assertThat(check(withoutDiagram)).anyMatch(p -> p.contains("has no diagram interchange"));
    }

    @Test
    void anElementWithoutItsShapeIsCaught() throws IOException {
        String sample = sample();
        int start = sample.indexOf("      <bpmndi:BPMNShape id=\"Task_CheckSample_di\"");
        int end = sample.indexOf("</bpmndi:BPMNShape>", start) + "</bpmndi:BPMNShape>".length();
        assertThat(check(sample.substring(0, start) + sample.substring(end)))
                .contains("conformant-sample.bpmn: Task_CheckSample has no shape or edge in the diagram");
    }

    @Test
    void aMissingHistoryTimeToLiveIsCaught() throws IOException {
        assertThat(check(sample().replace(" camunda:historyTimeToLive=\"P180D\"", "")))
                .contains("conformant-sample.bpmn: process ConformantSample sets no camunda:historyTimeToLive");
    }

    @Test
    void generatedIdsAreCaught() throws IOException {
        assertThat(check(sample().replace("Task_CheckSample", "Activity_0x1y2z3")))
                .anyMatch(p -> p.contains("id 'Activity_0x1y2z3' looks generated"));
        assertThat(check(sample().replace("EndEvent_SampleChecked", "Gateway_1")))
                .anyMatch(p -> p.contains("id 'Gateway_1' looks generated"));
        assertThat(check(sample().replace("SequenceFlow_ToCheckSample", "Flow_1k2j3h4")))
                .anyMatch(p -> p.contains("id 'Flow_1k2j3h4' looks generated"));
    }

    @Test
    void scriptTasksAreCaught() throws IOException {
        String script = sample().replace("<bpmn:serviceTask", "<bpmn:scriptTask scriptFormat=\"groovy\"")
                .replace("</bpmn:serviceTask>", "<bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>")
                .replace(" camunda:delegateExpression=\"${sampleDelegate}\"", "");
        assertThat(check(script)).anyMatch(p -> p.contains("Task_CheckSample is a script task"));
    }

    @Test
    void delegatesByClassOrUnboundServiceTasksAreCaught() throws IOException {
        assertThat(check(sample().replace(
                                "camunda:delegateExpression=\"${sampleDelegate}\"",
                                "camunda:class=\"org.example.SampleDelegate\"")))
                .anyMatch(p -> p.contains("Task_CheckSample uses camunda:class"))
                .anyMatch(p -> p.contains("Task_CheckSample is a serviceTask not bound by camunda:delegateExpression"));
        assertThat(check(sample().replace(
                                "camunda:delegateExpression=\"${sampleDelegate}\"",
                                "camunda:expression=\"${sample.check()}\"")))
                .anyMatch(p -> p.contains("not bound by camunda:delegateExpression"));
    }

    @Test
    void titleCaseLabelsAreCaught() throws IOException {
        assertThat(check(sample().replace("name=\"Check sample for SMS\"", "name=\"Check Sample\"")))
                .anyMatch(p -> p.contains("is not in sentence case ('Sample')"));
    }

    @Test
    void theFileIsNamedAfterItsProcess() throws IOException {
        Path misnamed = temp.resolve("sample.bpmn");
        Files.writeString(misnamed, sample(), StandardCharsets.UTF_8);
        assertThat(BpmnConformance.check(misnamed, null))
                .contains("sample.bpmn: the file of an executable process is named after it: conformant-sample.bpmn");
    }

    private static String sample() throws IOException {
        return Files.readString(SAMPLE, StandardCharsets.UTF_8);
    }

    private List<String> check(String bpmn) throws IOException {
        Path file = temp.resolve("conformant-sample.bpmn");
        Files.writeString(file, bpmn, StandardCharsets.UTF_8);
        return BpmnConformance.check(file, null);
    }
}
