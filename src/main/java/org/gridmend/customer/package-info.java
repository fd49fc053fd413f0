/**
 * Customers' accounts: phone sign-in by SMS code, sessions, and the customer numbers a phone may report for.
 * Owns gm_customer_* tables.
 */
package org.gridmend.customer;
