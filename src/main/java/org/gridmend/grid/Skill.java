package org.gridmend.grid;

/** What a crew may work on: low voltage (the customer side of a transformer) or medium voltage (the feeders). */
public enum Skill {
    LV,
    MV
}
