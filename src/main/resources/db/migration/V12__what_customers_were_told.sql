-- What the customers were told of an incident (whether its area heard "outage known", or it is held until
-- corroborated; the last ETR told) is the notifications' bookkeeping. It leaves gm_incident, which notify wrote
-- beside triage and repair, for a table of notify's own.
CREATE TABLE gm_incident_told (
  incident_id  BIGINT PRIMARY KEY,
  outage_known VARCHAR(8),
  etr_notified DATETIME(3)
);

INSERT INTO gm_incident_told (incident_id, outage_known, etr_notified)
  SELECT id, outage_known, etr_notified FROM gm_incident WHERE outage_known IS NOT NULL OR etr_notified IS NOT NULL;

ALTER TABLE gm_incident DROP COLUMN outage_known;
ALTER TABLE gm_incident DROP COLUMN etr_notified;
