/**
 * Outage notices (planned and fault) as a process, and the customers' outage look-up. Owns gm_outage_notice;
 * reaches the faults triage knows through its port KnownFaults.
 */
package org.gridmend.outage;
