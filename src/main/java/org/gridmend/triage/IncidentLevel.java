package org.gridmend.triage;

import org.gridmend.grid.DeviceType;

/** The grid element an incident is predicted at: how much of the network the fault takes out. */
public enum IncidentLevel {
    TRANSFORMER,
    FUSE,
    SWITCH,
    RECLOSER,
    BREAKER,
    FEEDER,
    /** No archive match: reports grouped by distance and time. */
    LOCATION;

    static IncidentLevel of(DeviceType type) {
        return switch (type) {
            case FUSE -> FUSE;
            case SWITCH -> SWITCH;
            case RECLOSER -> RECLOSER;
            case BREAKER -> BREAKER;
        };
    }
}
