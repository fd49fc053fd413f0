package org.gridmend.triage;

import java.util.List;
import java.util.Optional;

import org.gridmend.grid.CustomerPlacement;
import org.gridmend.grid.GridLookupService;
import org.gridmend.grid.NearbyCustomer;
import org.gridmend.grid.NearbyTransformer;
import org.gridmend.grid.SpatialSearchService;
import org.gridmend.report.Channel;
import org.gridmend.report.ReportRecord;
import org.springframework.stereotype.Service;

/**
 * Places a report on the grid: its customer number through the archive; a bare location through the nearest
 * customer, else the nearest transformer, each within its radius.
 */
@Service
public class LocateService {

    private final GridLookupService grid;
    private final SpatialSearchService spatial;
    private final TriageProperties properties;

    LocateService(GridLookupService grid, SpatialSearchService spatial, TriageProperties properties) {
        this.grid = grid;
        this.spatial = spatial;
        this.properties = properties;
    }

    public Placement locate(ReportRecord report) {
        return locate(report.customerNo(), report.lat(), report.lng(), report.channel() == Channel.AMI);
    }

    /** A customer number through the archive, else a WGS-84 position: nearest customer, else nearest transformer. */
    public Placement locate(String customerNo, Double lat, Double lng, boolean byMeter) {
        if (customerNo != null) {
            Optional<CustomerPlacement> customer = grid.placement(customerNo);
            if (customer.isPresent()) {
                CustomerPlacement c = customer.get();
                return new Placement(
                        byMeter ? Placement.Method.METER : Placement.Method.CUSTOMER_ARCHIVE,
                        c.customerNo(),
                        c.transformerId(),
                        c.feederId());
            }
        }
        if (lat != null && lng != null) {
            List<NearbyCustomer> customers =
                    spatial.nearestCustomers(lat, lng, properties.locate().customerRadiusM(), 1);
            if (!customers.isEmpty()) {
                return grid.placement(customers.get(0).customerNo())
                        .map(c -> new Placement(
                                Placement.Method.NEAREST_CUSTOMER, c.customerNo(), c.transformerId(), c.feederId()))
                        .orElse(Placement.NOWHERE);
            }
            List<NearbyTransformer> transformers =
                    spatial.nearestTransformers(lat, lng, properties.locate().transformerRadiusM(), 1);
            if (!transformers.isEmpty()) {
                NearbyTransformer t = transformers.get(0);
                return new Placement(Placement.Method.NEAREST_TRANSFORMER, null, t.id(), t.feederId());
            }
        }
        return Placement.NOWHERE;
    }

    /** What a dispatcher entered in "Locate report": a customer number, or a transformer id. */
    public Optional<Placement> placeByDispatcher(String customerNo, String transformerId) {
        if (customerNo != null && !customerNo.isBlank()) {
            return grid.placement(customerNo.trim())
                    .map(c -> new Placement(
                            Placement.Method.DISPATCHER, c.customerNo(), c.transformerId(), c.feederId()));
        }
        if (transformerId != null && !transformerId.isBlank()) {
            return grid.transformer(transformerId.trim())
                    .map(t -> new Placement(Placement.Method.DISPATCHER, null, t.id(), t.feederId()));
        }
        return Optional.empty();
    }
}
