package org.gridmend.grid;

import java.util.List;

import org.gridmend.core.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nearest customers and transformers to a WGS-84 point within a radius, nearest first. MySQL/MariaDB answer from
 * the spatial index then ST_Distance_Sphere; H2 from its (lat, lng) index and the same formula.
 */
@Service
@Transactional(readOnly = true)
public class SpatialSearchService {

    public static final double MAX_RADIUS_M = 50_000;
    public static final int MAX_RESULTS = 200;

    private final GridMapper mapper;

    SpatialSearchService(GridMapper mapper) {
        this.mapper = mapper;
    }

    public List<NearbyCustomer> nearestCustomers(double lat, double lng, double radiusM, int limit) {
        check(lat, lng, radiusM, limit);
        return mapper.nearestCustomers(lat, lng, BoundingBox.around(lat, lng, radiusM), radiusM, limit);
    }

    public List<NearbyTransformer> nearestTransformers(double lat, double lng, double radiusM, int limit) {
        check(lat, lng, radiusM, limit);
        return mapper.nearestTransformers(lat, lng, BoundingBox.around(lat, lng, radiusM), radiusM, limit);
    }

    private static void check(double lat, double lng, double radiusM, int limit) {
        if (!(lat >= -90 && lat <= 90)) {
            throw Refusal.invalid("INVALID_FIELD", "lat", "lat must be between -90 and 90");
        }
        if (!(lng >= -180 && lng <= 180)) {
            throw Refusal.invalid("INVALID_FIELD", "lng", "lng must be between -180 and 180");
        }
        if (!(radiusM > 0 && radiusM <= MAX_RADIUS_M)) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "radius", "radius must be above 0 and at most " + (int) MAX_RADIUS_M + " metres");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw Refusal.invalid("INVALID_FIELD", "limit", "limit must be between 1 and " + MAX_RESULTS);
        }
    }
}
