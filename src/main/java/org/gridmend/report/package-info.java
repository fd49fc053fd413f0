/**
 * Fault reports: intake over the API, the FaultReport process, the tracking page and its live timeline, meter
 * events. Owns gm_report and its timeline; triage places reports through ReportPlacementService; sees incidents
 * through its ports IncidentDirectory and RepairProgress.
 */
package org.gridmend.report;
