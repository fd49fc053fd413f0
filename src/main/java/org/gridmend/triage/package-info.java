/**
 * Triage: places, judges and merges reports, predicts the faulty device from the evidence and opens the
 * incidents (faults) the repair orders work. Writes gm_incident's prediction and owns the evidence tables.
 */
package org.gridmend.triage;
