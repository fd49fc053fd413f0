package org.gridmend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README shows every process as drawn by bpmn-js ({@code scripts/render-processes.sh}); a picture must show
 * every element of its BPMN file where the diagram puts it, so that a changed process without a new picture fails.
 */
class BpmnPicturesTest {

    private static final Pattern SHAPE = Pattern.compile(
            "data-element-id=\"([A-Za-z0-9_]+)\"[^>]*transform=\"matrix\\(1 0 0 1 (-?[0-9.]+) (-?[0-9.]+)\\)\"");

    static Stream<Path> processes() throws IOException {
        return Files.list(Path.of("processes"))
                .filter(p -> p.toString().endsWith(".bpmn"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void thePictureShowsEveryElementWhereTheDiagramHasIt(Path bpmn) throws IOException {
        String name = bpmn.getFileName().toString().replace(".bpmn", "");
        Path svg = Path.of("docs", "processes", name + ".svg");
        assertThat(svg)
                .as("picture of " + bpmn + ": run scripts/render-processes.sh")
                .exists();
        Map<String, double[]> drawn = new HashMap<>();
        Matcher m = SHAPE.matcher(Files.readString(svg, StandardCharsets.UTF_8));
        while (m.find()) {
            drawn.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            String id = shape.getBpmnElement().getId();
            Bounds bounds = shape.getBounds();
            assertThat(drawn)
                    .as(svg + " lacks " + id + ": run scripts/render-processes.sh")
                    .containsKey(id);
            assertThat(drawn.get(id))
                    .as(svg + " draws " + id + " elsewhere than " + bpmn + ": run scripts/render-processes.sh")
                    .containsExactly(bounds.getX(), bounds.getY());
        }
        assertThat(drawn.keySet().stream().filter(id -> !id.endsWith("_label")))
                .as(svg + " draws elements that " + bpmn + " no longer has: run scripts/render-processes.sh")
                .allMatch(id -> model.getModelElementById(id) != null);
    }
}
