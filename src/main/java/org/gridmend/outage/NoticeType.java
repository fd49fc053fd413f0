package org.gridmend.outage;

/** PLANNED: maintenance announced days ahead; FAULT: a fault outage the dispatchers announce while they repair it. */
public enum NoticeType {
    PLANNED,
    FAULT
}
