package org.gridmend.demo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridmend.core.ProcessConstants;
import org.gridmend.custody.ContractView;
import org.gridmend.custody.CustodyApplication;
import org.gridmend.custody.CustodyService;
import org.gridmend.customer.CustomerSession;
import org.gridmend.customer.PhoneNumbers;
import org.gridmend.grid.CustomerKind;
import org.gridmend.grid.GridDocument;
import org.gridmend.grid.GridImportService;
import org.gridmend.grid.GridLookupService;
import org.gridmend.grid.NearbyCustomer;
import org.gridmend.grid.SpatialSearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's custody: the three customers nearest the city centre are businesses with their distribution rooms in
 * custody, kept by EL00004 and EL00009 (distribution-room skill). Each contract went the real way (application,
 * review, acceptance); only its first round is brought forward to a few minutes after start, so that a visitor sees
 * inspections happen (the simulated electricians work them). Demo profile only.
 */
@Component
@Profile("demo")
class DemoCustody {

    private static final Logger log = LoggerFactory.getLogger(DemoCustody.class);
    private static final String[][] ROOMS = {
        {"TRANSFORMER", "1250 kVA", "特变电工", "2014", "一号配电室东侧"},
        {"SWITCHGEAR", "10 kV KYN28A", "正泰电气", "2014", "一号配电室北墙"},
        {"GENERATOR", "800 kW", "玉柴", "2019", "地下一层发电机房"}
    };

    private final SpatialSearchService spatial;
    private final GridLookupService archive;
    private final GridImportService importer;
    private final CustodyService custody;
    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;

    DemoCustody(
            SpatialSearchService spatial,
            GridLookupService archive,
            GridImportService importer,
            CustodyService custody,
            TaskService tasks,
            ManagementService management,
            RuntimeService runtime) {
        this.runtime = runtime;
        this.spatial = spatial;
        this.archive = archive;
        this.importer = importer;
        this.custody = custody;
        this.tasks = tasks;
        this.management = management;
    }

    void load() {
        List<NearbyCustomer> nearest = spatial.nearestCustomers(DemoGrid.CENTRE_LAT, DemoGrid.CENTRE_LNG, 3000, 3);
        List<GridDocument.Customer> businesses = nearest.stream()
                .map(n -> archive.customer(n.customerNo()).orElseThrow())
                .map(c -> new GridDocument.Customer(
                        c.customerNo(),
                        c.name(),
                        c.phone(),
                        c.transformerId(),
                        c.lat(),
                        c.lng(),
                        c.address(),
                        c.meterNo(),
                        CustomerKind.BUSINESS))
                .toList();
        importer.importDocument(
                new GridDocument(List.of(), List.of(), List.of(), List.of(), List.of(), businesses, List.of()));
        for (int i = 0; i < businesses.size(); i++) {
            GridDocument.Customer c = businesses.get(i);
            CustomerSession session = new CustomerSession(
                    PhoneNumbers.mobile(c.phone()).orElseThrow(),
                    List.of(c.customerNo()),
                    Instant.now().plusSeconds(600));
            ContractView contract = custody.apply(
                    session,
                    new CustodyApplication(
                            UUID.randomUUID().toString(),
                            c.customerNo(),
                            i == 0 ? "PREMIUM" : "STANDARD",
                            java.util.Arrays.stream(ROOMS)
                                    .limit(2 + i % 2)
                                    .map(r ->
                                            new CustodyApplication.Item(r[0], r[1], r[2], Integer.parseInt(r[3]), r[4]))
                                    .toList()));
            String task = tasks.createTaskQuery()
                    .processInstanceBusinessKey(contract.id())
                    .taskDefinitionKey("Task_ReviewCustodyApplication")
                    .singleResult()
                    .getId();
            // the two electricians the review offers (the demo's distribution-room electricians, EL00004 and EL00009
            // on one database server; other ids where ids are not consecutive, as on Galera)
            @SuppressWarnings("unchecked")
            List<java.util.Map<String, Object>> offered =
                    (List<java.util.Map<String, Object>>) tasks.getVariableLocal(task, "custodyElectricians");
            String keeper = String.valueOf(offered.get(0).get("value"));
            String second = offered.size() > 1 ? String.valueOf(offered.get(1).get("value")) : "";
            tasks.complete(
                    task,
                    java.util.Map.of(
                            "custodyDecision",
                            "APPROVE",
                            "custodyElectricianId",
                            i % 2 == 0 || second.isEmpty() ? keeper : second,
                            "secondElectricianId",
                            i % 2 == 0 || second.isEmpty() ? second : keeper,
                            "monthlyFee",
                            3000 + 1000 * i,
                            "termMonths",
                            "12"));
            custody.answerOffer(session, contract.id(), true);
            String instance = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(ProcessConstants.CUSTODY_CONTRACT)
                    .processInstanceBusinessKey(contract.id())
                    .singleResult()
                    .getId();
            for (Job job : management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .activityId("Event_InspectionRoundDue")
                    .list()) {
                management.setJobDuedate(job.getId(), Date.from(Instant.now().plusSeconds(120L + 60L * i)));
            }
        }
        log.info(
                "demo custody contracts active count={} customers={}",
                businesses.size(),
                businesses.stream()
                        .map(GridDocument.Customer::customerNo)
                        .toList()
                        .toString()
                        .toLowerCase(Locale.ROOT));
    }
}
