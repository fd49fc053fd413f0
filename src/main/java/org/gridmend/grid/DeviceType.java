package org.gridmend.grid;

/** Switchgear that can interrupt a feeder or a branch of it. */
public enum DeviceType {
    BREAKER,
    FUSE,
    SWITCH,
    RECLOSER
}
