package org.gridmend.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridmend.grid.GeoMath;
import org.gridmend.grid.GeoPoint;
import org.junit.jupiter.api.Test;

/** The demo crews' driving: steady steps along the line, then on site. */
class CrewPositionSimulatorTest {

    static final double LAT = 43.88;
    static final double LNG = 125.32;

    @Test
    void aStepCoversTheDistanceAskedAlongTheLineToTheFault() {
        GeoPoint from = new GeoPoint(LAT + 0.05, LNG + 0.05);
        double before = GeoMath.distanceM(from.lat(), from.lng(), LAT, LNG);
        GeoPoint next = CrewPositionSimulator.towards(from, LAT, LNG, 1000);
        assertThat(GeoMath.distanceM(next.lat(), next.lng(), LAT, LNG)).isCloseTo(before - 1000, within(5.0));
        assertThat(GeoMath.distanceM(from.lat(), from.lng(), next.lat(), next.lng()))
                .isCloseTo(1000, within(5.0));
    }

    @Test
    void theLastStepEndsAtTheFaultWellInsideTheArrivalRadius() {
        GeoPoint from = new GeoPoint(LAT + 0.004, LNG);
        GeoPoint next = CrewPositionSimulator.towards(from, LAT, LNG, 1000);
        assertThat(GeoMath.distanceM(next.lat(), next.lng(), LAT, LNG)).isLessThan(CrewPositionSimulator.ON_SITE_M);
    }
}
