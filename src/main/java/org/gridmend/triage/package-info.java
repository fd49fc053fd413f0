/**
 * Triage: places, judges and merges reports, predicts the faulty device from the evidence and opens the incidents
 * (one per fault) whose repair orders the crews work. Owns gm_incident and the evidence tables; places reports
 * through report's ReportPlacementService.
 */
package org.gridmend.triage;
