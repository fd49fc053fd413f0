package org.gridmend.grid;

/** What an import wrote, per kind of record. */
public record GridImportResult(
        Counts stations,
        Counts substations,
        Counts feeders,
        Counts devices,
        Counts transformers,
        Counts customers,
        Counts crews) {

    public record Counts(int inserted, int updated) {

        static final Counts NONE = new Counts(0, 0);

        @Override
        public String toString() {
            return "+" + inserted + "/~" + updated;
        }
    }
}
