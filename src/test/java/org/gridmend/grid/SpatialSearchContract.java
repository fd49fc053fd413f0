package org.gridmend.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.gridmend.support.TestGrids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same spatial questions with the same expected answers on every database: H2 computes them from its
 * (lat, lng) index, MySQL/MariaDB from the spatial index and ST_Distance_Sphere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpatialSearchContract {

    @Autowired
    SpatialSearchService spatial;

    @Autowired
    GridImportService importer;

    String p;
    double lat;
    double lng;

    @BeforeAll
    void importSmallGrid() {
        p = TestGrids.prefix();
        // Somewhere no other test (or earlier run against the same database) puts a grid.
        lat = 20 + ThreadLocalRandom.current().nextDouble(40);
        lng = -170 + ThreadLocalRandom.current().nextDouble(300);
        importer.importDocument(TestGrids.small(p, lat, lng));
    }

    @Test
    void nearestTransformersComeNearestFirstWithinTheRadius() {
        List<NearbyTransformer> near = spatial.nearestTransformers(lat, lng, 500, 10);
        assertThat(near).extracting(NearbyTransformer::id).containsExactly(p + "-T1", p + "-T2");
        assertThat(near.get(0).distanceM()).isCloseTo(GeoMath.distanceM(lat, lng, lat + 0.001, lng), within(0.01));
        assertThat(near.get(1).distanceM()).isCloseTo(GeoMath.distanceM(lat, lng, lat, lng + 0.004), within(0.01));
        assertThat(near.get(0).areaType()).isEqualTo(AreaType.URBAN);
        assertThat(near.get(0).feederId()).isEqualTo(p + "-F");
    }

    @Test
    void aWiderRadiusReachesTheFarTransformer() {
        assertThat(spatial.nearestTransformers(lat, lng, 2_000, 10))
                .extracting(NearbyTransformer::id)
                .containsExactly(p + "-T1", p + "-T2", p + "-T3");
    }

    @Test
    void theLimitKeepsTheNearest() {
        assertThat(spatial.nearestTransformers(lat, lng, 2_000, 1))
                .extracting(NearbyTransformer::id)
                .containsExactly(p + "-T1");
    }

    @Test
    void theRadiusIsAGreatCircleNotTheBoundingBox() {
        // T2 lies inside the bounding box of this radius (east of the point) but beyond the radius itself.
        double d = GeoMath.distanceM(lat, lng, lat, lng + 0.004);
        assertThat(spatial.nearestTransformers(lat, lng, d - 1, 10))
                .extracting(NearbyTransformer::id)
                .containsExactly(p + "-T1");
    }

    @Test
    void nearestCustomersFromAPointByTheirHomes() {
        List<NearbyCustomer> near = spatial.nearestCustomers(lat + 0.0012, lng + 0.0001, 30, 10);
        assertThat(near).extracting(NearbyCustomer::customerNo).containsExactly(p + "C2", p + "C1");
        assertThat(near.get(0).distanceM()).isCloseTo(0, within(0.01));
        assertThat(near.get(0).transformerId()).isEqualTo(p + "-T1");
    }

    @Test
    void aCustomerWithoutCoordinatesIsFoundAtItsTransformer() {
        assertThat(spatial.nearestCustomers(lat - 0.01, lng, 10, 10))
                .extracting(NearbyCustomer::customerNo)
                .containsExactly(p + "C6");
    }

    @Test
    void nothingNearby() {
        assertThat(spatial.nearestTransformers(lat + 1, lng, 1_000, 10)).isEmpty();
    }
}
