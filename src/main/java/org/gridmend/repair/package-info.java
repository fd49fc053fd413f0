/**
 * Repair orders as the crews work them: dispatch, acceptance, arrival, diagnosis, repair, review and rating,
 * and the crews. Writes the crew's columns of gm_incident and owns gm_crew and the order's events, notes and photos.
 */
package org.gridmend.repair;
