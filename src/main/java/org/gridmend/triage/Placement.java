package org.gridmend.triage;

/**
 * Where a report sits on the grid: the customer it is from (when known), its transformer area and feeder, and how
 * that was found. Without a transformer the report can only be grouped by its location.
 */
public record Placement(Method method, String customerNo, String transformerId, String feederId) {

    public enum Method {
        /** The customer number was in the archive. */
        CUSTOMER_ARCHIVE,
        /** A smart meter's number led to its customer. */
        METER,
        /** A bare location: the nearest customer within the customer radius. */
        NEAREST_CUSTOMER,
        /** A bare location: the nearest transformer within the transformer radius. */
        NEAREST_TRANSFORMER,
        /** A dispatcher placed it. */
        DISPATCHER,
        /** Nothing matched. */
        NONE
    }

    public static final Placement NOWHERE = new Placement(Method.NONE, null, null, null);

    public boolean onGrid() {
        return transformerId != null;
    }
}
