package org.gridmend.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house rules for files under processes/, checked the way a reviewer would: the file opens in Camunda Modeler
 * with its whole diagram, IDs say what an element is ({@code Task_DispatchCrew}, not {@code Activity_0x1y2z3}),
 * labels are in sentence case, every process has a history time to live, and Java runs only through
 * {@code camunda:delegateExpression}.
 */
final class BpmnConformance {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

    /** Type prefix, underscore, business name: both parts start with a capital letter. */
    private static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");

    private static final Pattern PROCESS_ID = Pattern.compile("[A-Z][A-Za-z0-9]*");
    /** A word after the first that starts with a capital and goes on in small letters: Title Case. */
    private static final Pattern TITLE_CASE_WORD = Pattern.compile("\\s([A-Z][a-z]+)");

    private static final Set<String> PROPER_NOUNS = Set.of("Tasklist", "Cockpit", "GridMend", "Camunda", "No");

    private BpmnConformance() {}

    static List<String> check(Path file, Path formsDirectory) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        List<String> problems = new ArrayList<>();
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            problems.add(name + ": is not valid BPMN 2.0 (" + e.getMessage() + ")");
            return problems;
        }
        Element root = dom(bytes);
        checkModelerHeader(name, model, root, problems);
        checkDiagram(name, model, problems);
        checkProcesses(name, model, problems);
        checkIds(name, model, problems);
        checkImplementations(name, root, problems);
        checkLabels(name, model, problems);
        checkForms(name, model, formsDirectory, problems);
        return problems;
    }

    private static void checkModelerHeader(String name, BpmnModelInstance model, Element root, List<String> problems) {
        String version = root.getAttributeNS(MODELER_NS, "executionPlatformVersion");
        if (!"7.24.0".equals(version)) {
            problems.add(name + ": modeler:executionPlatformVersion must be 7.24.0 (was '" + version + "')");
        }
        Definitions definitions = model.getDefinitions();
        if (definitions.getId() == null
                || !MEANINGFUL_ID.matcher(definitions.getId()).matches()) {
            problems.add(name + ": definitions id '" + definitions.getId() + "' is not meaningful");
        }
    }

    private static void checkDiagram(String name, BpmnModelInstance model, List<String> problems) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        if (model.getDefinitions().getBpmDiagrams().isEmpty()) {
            problems.add(name + ": has no diagram interchange (bpmndi:BPMNDiagram); Camunda Modeler cannot show it");
            return;
        }
        Set<String> drawn = new HashSet<>();
        shapes.forEach(s ->
                drawn.add(s.getBpmnElement() == null ? null : s.getBpmnElement().getId()));
        edges.forEach(e ->
                drawn.add(e.getBpmnElement() == null ? null : e.getBpmnElement().getId()));
        List<BaseElement> drawable = new ArrayList<>();
        drawable.addAll(model.getModelElementsByType(FlowNode.class));
        drawable.addAll(model.getModelElementsByType(SequenceFlow.class));
        drawable.addAll(model.getModelElementsByType(Participant.class));
        drawable.addAll(model.getModelElementsByType(Lane.class));
        drawable.addAll(model.getModelElementsByType(TextAnnotation.class));
        drawable.addAll(model.getModelElementsByType(Association.class));
        for (BaseElement element : drawable) {
            if (!drawn.contains(element.getId())) {
                problems.add(name + ": " + element.getId() + " has no shape or edge in the diagram");
            }
        }
    }

    private static void checkProcesses(String name, BpmnModelInstance model, List<String> problems) {
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        String expectedFile = null;
        for (Process process : processes) {
            if (process.getCamundaHistoryTimeToLiveString() == null
                    || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                problems.add(name + ": process " + process.getId() + " sets no camunda:historyTimeToLive");
            }
            if (process.isExecutable()) {
                expectedFile = kebab(process.getId()) + ".bpmn";
            }
        }
        if (expectedFile != null && !expectedFile.equals(name)) {
            problems.add(name + ": the file of an executable process is named after it: " + expectedFile);
        }
    }

    private static void checkIds(String name, BpmnModelInstance model, List<String> problems) {
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id == null || element instanceof BpmnShape || element instanceof BpmnEdge) {
                continue;
            }
            boolean ok = element instanceof Process
                    ? PROCESS_ID.matcher(id).matches()
                    : MEANINGFUL_ID.matcher(id).matches();
            if (!ok) {
                problems.add(name + ": id '" + id + "' looks generated; use a type prefix and a business name "
                        + "such as Task_DispatchCrew");
            }
        }
    }

    private static void checkImplementations(String name, Element root, List<String> problems) {
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String local = element.getLocalName();
            String id = element.getAttribute("id");
            if (BPMN_NS.equals(element.getNamespaceURI()) && "scriptTask".equals(local)) {
                problems.add(name + ": " + id + " is a script task; put the logic in a delegate bound by "
                        + "camunda:delegateExpression");
            }
            if (element.hasAttributeNS(CAMUNDA_NS, "class")) {
                problems.add(name + ": " + describe(element) + " uses camunda:class; bind delegates by "
                        + "camunda:delegateExpression");
            }
            if (BPMN_NS.equals(element.getNamespaceURI())
                    && Set.of("serviceTask", "sendTask", "businessRuleTask").contains(local)
                    && !element.hasAttributeNS(CAMUNDA_NS, "delegateExpression")
                    && !element.hasAttributeNS(CAMUNDA_NS, "decisionRef")) {
                problems.add(name + ": " + id + " is a " + local + " not bound by camunda:delegateExpression");
            }
        }
    }

    private static void checkLabels(String name, BpmnModelInstance model, List<String> problems) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String label = node.getName();
            if (label == null || label.isBlank()) {
                if (!(node instanceof Gateway)) {
                    problems.add(name + ": " + node.getId() + " has no label");
                }
                continue;
            }
            if (Character.isLowerCase(label.codePointAt(0))) {
                problems.add(name + ": label '" + label + "' of " + node.getId() + " should start with a capital");
            }
            Matcher title = TITLE_CASE_WORD.matcher(label);
            while (title.find()) {
                if (!PROPER_NOUNS.contains(title.group(1))) {
                    problems.add(name + ": label '" + label + "' of " + node.getId() + " is not in sentence case ('"
                            + title.group(1) + "')");
                    break;
                }
            }
            if (node instanceof Gateway && node.getOutgoing().size() > 1 && !label.endsWith("?")) {
                problems.add(name + ": gateway " + node.getId() + " splits the flow; label it as a question");
            }
        }
    }

    private static void checkForms(String name, BpmnModelInstance model, Path formsDirectory, List<String> problems)
            throws IOException {
        Set<String> formIds = new HashSet<>();
        if (formsDirectory != null && Files.isDirectory(formsDirectory)) {
            ObjectMapper json = new ObjectMapper();
            try (var files = Files.list(formsDirectory)) {
                for (Path form :
                        files.filter(f -> f.toString().endsWith(".form")).toList()) {
                    formIds.add(json.readTree(form.toFile()).path("id").asText());
                }
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
            if (formRef == null) {
                continue;
            }
            if (!"deployment".equals(task.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
                problems.add(name + ": " + task.getId() + " should bind its form with formRefBinding=\"deployment\"");
            }
            if (formsDirectory != null && !formIds.contains(formRef)) {
                problems.add(name + ": " + task.getId() + " refers to form '" + formRef + "' which is not in forms/");
            }
        }
    }

    static String kebab(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String describe(Element element) {
        String id = element.getAttribute("id");
        return id.isEmpty() ? element.getLocalName() : id;
    }

    private static Element dom(byte[] bytes) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(bytes))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IOException(
                    "cannot parse " + new String(bytes, 0, Math.min(80, bytes.length), StandardCharsets.UTF_8), e);
        }
    }
}
