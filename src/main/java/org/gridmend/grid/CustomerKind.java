package org.gridmend.grid;

/** What a customer is: a household, or a business (a large customer with its own distribution room). */
public enum CustomerKind {
    RESIDENTIAL,
    BUSINESS
}
