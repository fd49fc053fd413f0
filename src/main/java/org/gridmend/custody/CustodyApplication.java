package org.gridmend.custody;

import java.util.List;

/**
 * A business customer asks for custody ({@code POST /api/custody/applications}, signed in): which customer number
 * (a business one of the signed-in phone), the equipment and the service level; {@code requestId} makes a repeat
 * the same application.
 */
public record CustodyApplication(String requestId, String customerNo, String serviceLevel, List<Item> equipment) {

    /** One piece of equipment: type, rating ("630 kVA"), manufacturer, year made, where in the room. */
    public record Item(String type, String rating, String manufacturer, Integer year, String location) {}

    /** How quickly the custody electrician comes for a defect. */
    public enum ServiceLevel {
        BASIC,
        STANDARD,
        PREMIUM
    }
}
