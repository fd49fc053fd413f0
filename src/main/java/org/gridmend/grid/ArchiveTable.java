package org.gridmend.grid;

/** The archive tables that an import upserts, with their key column; used to ask which ids exist already. */
enum ArchiveTable {
    STATION("gm_station", "id"),
    SUBSTATION("gm_substation", "id"),
    FEEDER("gm_feeder", "id"),
    DEVICE("gm_device", "id"),
    TRANSFORMER("gm_transformer", "id"),
    CUSTOMER("gm_customer", "customer_no"),
    CREW("gm_crew", "id");

    private final String table;
    private final String keyColumn;

    ArchiveTable(String table, String keyColumn) {
        this.table = table;
        this.keyColumn = keyColumn;
    }

    public String getTable() {
        return table;
    }

    public String getKeyColumn() {
        return keyColumn;
    }
}
