package org.gridmend.grid;

/**
 * The coordinate systems phones in China report: WGS-84 (GPS), GCJ-02 (the obfuscated system that Chinese map SDKs
 * and WeChat use) and BD-09 (Baidu's, offset again from GCJ-02). GridMend keeps WGS-84 only and converts at the
 * edge. Outside mainland China GCJ-02 equals WGS-84.
 */
public enum CoordinateSystem {
    WGS84,
    GCJ02,
    BD09;

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    /** The place in WGS-84. */
    public GeoPoint toWgs84(double lat, double lng) {
        double[] wgs = switch (this) {
            case WGS84 -> new double[] {lat, lng};
            case GCJ02 -> gcjToWgs(lat, lng);
            case BD09 -> {
                double[] gcj = bdToGcj(lat, lng);
                yield gcjToWgs(gcj[0], gcj[1]);
            }
        };
        return new GeoPoint(wgs[0], wgs[1]);
    }

    /** The place in this system, from WGS-84; what a Chinese map SDK would report for the same place. */
    public GeoPoint fromWgs84(double lat, double lng) {
        double[] here = switch (this) {
            case WGS84 -> new double[] {lat, lng};
            case GCJ02 -> wgsToGcj(lat, lng);
            case BD09 -> {
                double[] gcj = wgsToGcj(lat, lng);
                yield gcjToBd(gcj[0], gcj[1]);
            }
        };
        return new GeoPoint(here[0], here[1]);
    }

    static boolean outsideChina(double lat, double lng) {
        return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    static double[] wgsToGcj(double lat, double lng) {
        if (outsideChina(lat, lng)) {
            return new double[] {lat, lng};
        }
        double dLat = transformLat(lng - 105.0, lat - 35.0);
        double dLng = transformLng(lng - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lat + dLat, lng + dLng};
    }

    /** The inverse has no closed form; a few fixed-point iterations bring it below a millimetre. */
    static double[] gcjToWgs(double lat, double lng) {
        if (outsideChina(lat, lng)) {
            return new double[] {lat, lng};
        }
        double wLat = lat;
        double wLng = lng;
        for (int i = 0; i < 10; i++) {
            double[] back = wgsToGcj(wLat, wLng);
            double eLat = back[0] - lat;
            double eLng = back[1] - lng;
            wLat -= eLat;
            wLng -= eLng;
            if (Math.abs(eLat) < 1e-10 && Math.abs(eLng) < 1e-10) {
                break;
            }
        }
        return new double[] {wLat, wLng};
    }

    static double[] gcjToBd(double lat, double lng) {
        double z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
        return new double[] {z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065};
    }

    static double[] bdToGcj(double lat, double lng) {
        double x = lng - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new double[] {z * Math.sin(theta), z * Math.cos(theta)};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLng(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
