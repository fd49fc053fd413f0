package org.gridmend.notify;

/** How many notifications are in one status. */
public record StatusCount(String status, long count) {}
