/**
 * Repair orders as the crews work them, one per incident: dispatch, acceptance, arrival, diagnosis, repair, review
 * and rating, and the crews' status. Owns gm_repair_order and its events and notes, photos, dispatch attempts,
 * gm_crew_status and crews' positions.
 */
package org.gridmend.repair;
