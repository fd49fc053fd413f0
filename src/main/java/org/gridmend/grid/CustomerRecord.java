package org.gridmend.grid;

/**
 * A customer as the archive stores it. {@code positionSource} is ARCHIVE when the coordinates came with the
 * customer and TRANSFORMER when the import placed the customer at its transformer. The meter number is the
 * customer number unless the archive gave another.
 */
public record CustomerRecord(
        String customerNo,
        String name,
        String phone,
        String transformerId,
        double lat,
        double lng,
        String positionSource,
        String address,
        String meterNo) {

    public static final String FROM_ARCHIVE = "ARCHIVE";
    public static final String FROM_TRANSFORMER = "TRANSFORMER";
}
