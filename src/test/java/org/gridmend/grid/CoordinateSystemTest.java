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
        GeoPoint wgs = CoordinateSystem.GCJ02.toWgs84(GCJ_LAT, GCJ_LNG);
        assertThat(GeoMath.distanceM(wgs.lat(), wgs.lng(), WGS_LAT, WGS_LNG)).isLessThan(5);
    }

    @Test
    void gcj02IsHundredsOfMetresOffInChangchun() {
        GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(43.88, 125.32);
        double offset = GeoMath.distanceM(43.88, 125.32, gcj.lat(), gcj.lng());
        assertThat(offset).isBetween(100.0, 900.0);
        GeoPoint back = CoordinateSystem.GCJ02.toWgs84(gcj.lat(), gcj.lng());
        assertThat(GeoMath.distanceM(43.88, 125.32, back.lat(), back.lng())).isLessThan(0.01);
    }

    @Test
    void bd09RoundTrips() {
        GeoPoint bd = CoordinateSystem.BD09.fromWgs84(43.88, 125.32);
        assertThat(GeoMath.distanceM(43.88, 125.32, bd.lat(), bd.lng())).isGreaterThan(500);
        GeoPoint back = CoordinateSystem.BD09.toWgs84(bd.lat(), bd.lng());
        assertThat(back.lat()).isCloseTo(43.88, within(1e-5));
        assertThat(back.lng()).isCloseTo(125.32, within(1e-5));
    }

    @Test
    void outsideChinaNothingMoves() {
        assertThat(CoordinateSystem.GCJ02.toWgs84(48.85, 2.35)).isEqualTo(new GeoPoint(48.85, 2.35));
        assertThat(CoordinateSystem.WGS84.toWgs84(43.88, 125.32)).isEqualTo(new GeoPoint(43.88, 125.32));
    }
}
