package org.gridmend.grid;

/**
 * A customer as the archive stores it. {@code positionSource} is ARCHIVE when the coordinates came with the
 * customer and TRANSFORMER when the import placed the customer at its transformer.
 */
public record CustomerRecord(String customerNo, String name, String phone, String transformerId, double lat,
                             double lng, String positionSource, String address) {

    public static final String FROM_ARCHIVE = "ARCHIVE";
    public static final String FROM_TRANSFORMER = "TRANSFORMER";
}
