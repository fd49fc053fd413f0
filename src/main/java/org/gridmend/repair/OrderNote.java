package org.gridmend.repair;

import java.time.Instant;

/** A note on a repair order, as the API shows it. */
public record OrderNote(long id, Instant at, String author, String text) {}
