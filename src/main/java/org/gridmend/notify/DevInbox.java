package org.gridmend.notify;

import java.time.Instant;

/** One phone's (or app user's) inbox at the development gateway. */
public record DevInbox(String address, String channel, long messages, Instant lastAt) {}
