package org.gridmend.grid;

/** Where a transformer area lies; it sets the arrival commitment (urban 45, rural 90, remote 120 minutes). */
public enum AreaType {
    URBAN,
    RURAL,
    REMOTE
}
