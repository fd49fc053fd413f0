package org.gridmend.report;

import java.time.Instant;

/** One line of a report's timeline. */
public record ReportEvent(long id, Instant at, String type, String text) {}
