package org.gridmend.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoordinateSystemTest {

    // Tiananmen in WGS-84 and what Chinese map SDKs report for it (published reference values, to about a metre).
    private static final double WGS_LAT = 39.908692;
    private static final double WGS_LNG = 116.397477;
    private static final double GCJ_LAT = 39.910093;
    private static final double GCJ_LNG = 116.403719;

    @Test
    void gcj02ComesBackToWgs84() {
        double[] wgs = CoordinateSystem.GCJ02.toWgs84(GCJ_LAT, GCJ_LNG);
        assertThat(GeoMath.distanceM(wgs[0], wgs[1], WGS_LAT, WGS_LNG)).isLessThan(5);
    }

    @Test
    void gcj02IsHundredsOfMetresOffInChangchun() {
        double[] gcj = CoordinateSystem.GCJ02.fromWgs84(43.88, 125.32);
        double offset = GeoMath.distanceM(43.88, 125.32, gcj[0], gcj[1]);
        assertThat(offset).isBetween(100.0, 900.0);
        double[] back = CoordinateSystem.GCJ02.toWgs84(gcj[0], gcj[1]);
        assertThat(GeoMath.distanceM(43.88, 125.32, back[0], back[1])).isLessThan(0.01);
    }

    @Test
    void bd09RoundTrips() {
        double[] bd = CoordinateSystem.BD09.fromWgs84(43.88, 125.32);
        assertThat(GeoMath.distanceM(43.88, 125.32, bd[0], bd[1])).isGreaterThan(500);
        double[] back = CoordinateSystem.BD09.toWgs84(bd[0], bd[1]);
        assertThat(back[0]).isCloseTo(43.88, within(1e-5));
        assertThat(back[1]).isCloseTo(125.32, within(1e-5));
    }

    @Test
    void outsideChinaNothingMoves() {
        assertThat(CoordinateSystem.GCJ02.toWgs84(48.85, 2.35)).containsExactly(48.85, 2.35);
        assertThat(CoordinateSystem.WGS84.toWgs84(43.88, 125.32)).containsExactly(43.88, 125.32);
    }
}
