package org.gridmend.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridmend.core.Pii;
import org.gridmend.core.UtilityZone;
import org.gridmend.grid.GridArchiveService;
import org.gridmend.grid.GridViews.CustomerView;
import org.gridmend.grid.NearbyCustomer;
import org.gridmend.grid.NearbyTransformer;
import org.gridmend.grid.SpatialSearchService;
import org.gridmend.process.ProcessVariables;
import org.gridmend.report.ReportPlacementService;
import org.gridmend.report.ReportRecord;
import org.springframework.stereotype.Component;

/**
 * On "Locate report": what the dispatcher needs to place the report, as task-local variables its form shows: the
 * report number, when and how it came, what the customer typed (customer number, address, description), the
 * phone masked, the position; and a short list of candidate customers (by the address's words and by position) and
 * transformer areas (by position, farther than triage looks by itself), as {@code customerCandidates} and
 * {@code transformerCandidates} ({@code [{label, value}]}).
 */
@Component
class LocateCandidatesListener implements TaskListener {

    static final int SHOWN = 8;
    /** How much farther than triage's own radius the candidate transformer areas are looked for. */
    static final double WIDER = 10;

    private static final Pattern NOT_A_WORD = Pattern.compile("[\\s\\d,，、.。#\\-－()（）号栋幢单元室楼层]+");

    private final ReportPlacementService reports;
    private final SpatialSearchService spatial;
    private final GridArchiveService archive;
    private final TriageProperties properties;
    private final UtilityZone zone;
    private final ObjectMapper json;

    LocateCandidatesListener(
            ReportPlacementService reports,
            SpatialSearchService spatial,
            GridArchiveService archive,
            TriageProperties properties,
            UtilityZone zone,
            ObjectMapper json) {
        this.reports = reports;
        this.spatial = spatial;
        this.archive = archive;
        this.properties = properties;
        this.zone = zone;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        ReportRecord report = reports.find(ProcessVariables.reportId(task.getExecution()));
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("reportNo", report.publicId());
        shown.put("receivedAt", zone.showBoth(report.createdAt()));
        shown.put("channel", report.channel().name());
        shown.put("typedCustomerNo", orDash(report.customerNo()));
        shown.put("typedAddress", orDash(report.address()));
        shown.put("typedDescription", orDash(report.description()));
        shown.put("maskedPhone", report.phone() == null ? "—" : Pii.maskPhone(report.phone()));
        shown.put(
                "position",
                report.lat() == null ? "无 (none)" : String.format("%.5f, %.5f (WGS-84)", report.lat(), report.lng()));
        List<Map<String, String>> customers = customerCandidates(report);
        List<Map<String, String>> transformers = transformerCandidates(report);
        shown.put("candidatesSummary", summary(customers.size(), transformers.size()));
        task.setVariablesLocal(shown);
        task.setVariableLocal("customerCandidates", jsonList(customers));
        task.setVariableLocal("transformerCandidates", jsonList(transformers));
        task.setName("定位 " + report.publicId() + " · " + task.getName());
    }

    private List<Map<String, String>> customerCandidates(ReportRecord report) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        if (report.lat() != null) {
            double radius = properties.locate().transformerRadiusM() * 2;
            for (NearbyCustomer near : spatial.nearestCustomers(report.lat(), report.lng(), radius, SHOWN)) {
                CustomerView c = archive.customer(near.customerNo(), false);
                found.putIfAbsent(c.customerNo(), option(c, " · " + Math.round(near.distanceM()) + " m"));
            }
        }
        for (String word : words(report.address())) {
            for (CustomerView c : archive.customersAt(word, false)) {
                if (found.size() >= SHOWN) {
                    break;
                }
                found.putIfAbsent(c.customerNo(), option(c, " · 地址相近 (address)"));
            }
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(SHOWN, found.size()));
    }

    private List<Map<String, String>> transformerCandidates(ReportRecord report) {
        List<Map<String, String>> options = new ArrayList<>();
        if (report.lat() == null) {
            return options;
        }
        double radius = properties.locate().transformerRadiusM() * WIDER;
        for (NearbyTransformer t : spatial.nearestTransformers(report.lat(), report.lng(), radius, SHOWN)) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put(
                    "label",
                    (t.name() == null || t.name().equals(t.id()) ? t.id() : t.name() + " (" + t.id() + ")") + " · "
                            + Math.round(t.distanceM()) + " m");
            option.put("value", t.id());
            options.add(option);
        }
        return options;
    }

    /** The address's words worth looking up: runs of at least two characters between numbers and separators. */
    static List<String> words(String address) {
        if (address == null) {
            return List.of();
        }
        return NOT_A_WORD
                .splitAsStream(address.trim())
                .filter(w -> w.codePointCount(0, w.length()) >= 2)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(3)
                .toList();
    }

    private static Map<String, String> option(CustomerView c, String why) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put(
                "label",
                c.customerNo() + " · " + orDash(c.address()) + " · " + orDash(c.name()) + " · 台区 " + c.transformerId()
                        + why);
        option.put("value", c.customerNo());
        return option;
    }

    private static String summary(int customers, int transformers) {
        if (customers == 0 && transformers == 0) {
            return "附近和相近地址都没有找到客户或台区：请致电客户核实，或关闭本报修。"
                    + " (No customer or transformer area near it or at a similar address: call the customer, or close it.)";
        }
        return "找到 " + customers + " 个候选客户、" + transformers + " 个候选台区。" + " (" + customers + " candidate customers, "
                + transformers + " candidate transformer areas.)";
    }

    private Object jsonList(List<Map<String, String>> options) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
