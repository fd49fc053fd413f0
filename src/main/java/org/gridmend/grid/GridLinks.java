package org.gridmend.grid;

/** Small projections of the archive that import validation and topology walks need. */
final class GridLinks {

    private GridLinks() {}

    /** Where a device or transformer hangs: its feeder and its parent device (null: directly below the feeder). */
    record Link(String id, String feederId, String parentId) {}

    /** Which customer a meter belongs to. */
    record MeterOwner(String meterNo, String customerNo) {}

    /** The keys a crew must not share with another crew. */
    record CrewKey(String id, String employeeNo, String userId) {}
}
