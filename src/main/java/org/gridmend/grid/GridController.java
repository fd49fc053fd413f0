package org.gridmend.grid;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.StaffGroups;
import org.gridmend.grid.GridViews.CustomerView;
import org.gridmend.grid.GridViews.DeviceView;
import org.gridmend.grid.GridViews.FeederView;
import org.gridmend.grid.GridViews.TransformerView;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/grid", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Grid archive",
        description = "Stations, substations, feeders, devices, transformer areas, customers, crews")
class GridController {

    enum NearKind {
        CUSTOMER,
        TRANSFORMER
    }

    private final GridImportService importer;
    private final GridArchiveService archive;
    private final TopologyService topology;
    private final SpatialSearchService spatial;

    private final AuditTrail audit;

    GridController(
            GridImportService importer,
            GridArchiveService archive,
            TopologyService topology,
            SpatialSearchService spatial,
            AuditTrail audit) {
        this.audit = audit;
        this.importer = importer;
        this.archive = archive;
        this.topology = topology;
        this.spatial = spatial;
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Upsert the archive from one JSON document (admins)",
            description = "All or nothing: a document with any problem gets 400 naming each record and field.")
    GridImportResult importArchive(@RequestBody GridDocument document) {
        return importer.importDocument(document);
    }

    @GetMapping("/feeders")
    @Operation(summary = "All feeders with their substation and counts")
    List<FeederSummary> feeders() {
        return archive.feeders();
    }

    @GetMapping("/feeders/{id}")
    @Operation(summary = "A feeder with its tree of devices and transformer areas")
    FeederView feeder(@PathVariable String id) {
        return archive.feeder(id);
    }

    @GetMapping("/devices/{id}")
    @Operation(summary = "A device with the devices above it and its subtree")
    DeviceView device(@PathVariable String id) {
        return archive.device(id);
    }

    @GetMapping("/transformers/{id}")
    @Operation(summary = "A transformer area with its upstream chain and customers (phones masked unless admin)")
    TransformerView transformer(@PathVariable String id, Authentication caller) {
        TransformerView view = archive.transformer(id, StaffGroups.isAdmin(caller));
        unmaskedRead(caller, null, id, view.customers().size());
        return view;
    }

    /** An administrator read customers unmasked: an audit event, as every unmasked view is. */
    private void unmaskedRead(Authentication caller, String customerNo, String transformerId, int customers) {
        if (StaffGroups.isAdmin(caller) && customers > 0) {
            audit.record(AuditEntry.of("PII_VIEWED")
                    .user(caller.getName())
                    .about(customerNo)
                    .device(transformerId)
                    .detail("what", "grid archive")
                    .detail("customers", customers));
        }
    }

    @GetMapping("/customers")
    @Operation(summary = "Customers whose address contains the words (at most 20; phones masked unless admin)")
    List<CustomerView> customersAt(@RequestParam String address, Authentication caller) {
        List<CustomerView> found = archive.customersAt(address, StaffGroups.isAdmin(caller));
        unmaskedRead(caller, found.size() == 1 ? found.get(0).customerNo() : null, null, found.size());
        return found;
    }

    @GetMapping("/customers/{customerNo}")
    @Operation(summary = "A customer by customer number (phone masked unless admin)")
    CustomerView customer(@PathVariable String customerNo, Authentication caller) {
        CustomerView view = archive.customer(customerNo, StaffGroups.isAdmin(caller));
        unmaskedRead(caller, view.customerNo(), null, 1);
        return view;
    }

    @GetMapping("/nodes/{id}/upstream")
    @Operation(summary = "The devices, feeder and substation above a feeder, device or transformer")
    UpstreamChain upstream(@PathVariable String id) {
        return topology.upstream(id);
    }

    @GetMapping("/nodes/{id}/downstream")
    @Operation(summary = "All transformers and customers below a feeder, device or transformer")
    Downstream downstream(@PathVariable String id) {
        return topology.downstream(id);
    }

    @GetMapping("/nearest")
    @Operation(summary = "Nearest customers or transformers to a WGS-84 point within a radius in metres")
    List<?> nearest(
            @RequestParam double lat,
            @RequestParam double lng,
            @RequestParam(defaultValue = "TRANSFORMER") NearKind kind,
            @RequestParam(defaultValue = "500") double radius,
            @RequestParam(defaultValue = "10") int limit) {
        return kind == NearKind.CUSTOMER
                ? spatial.nearestCustomers(lat, lng, radius, limit)
                : spatial.nearestTransformers(lat, lng, radius, limit);
    }
}
