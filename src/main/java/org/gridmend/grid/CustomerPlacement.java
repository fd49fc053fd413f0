package org.gridmend.grid;

/** Where a customer hangs on the grid, in one read: what triage needs for every report. */
public record CustomerPlacement(String customerNo, String transformerId, String feederId) {}
