/**
 * The audit trail: every business event in gm_audit_event, sealed in a keyed hash chain with published heads,
 * a ticket's trace joined with Camunda's history, and the retention clean-up. Owns gm_audit_event and the chain's tables.
 */
package org.gridmend.audit;
