-- Outage prediction from evidence: what meters and customers say about power in each transformer area (besides
-- the reports themselves), what crews and dispatchers found, and why each incident sits where it does.

-- Power on or off at a customer's home, from a ping's answer (PING), a meter's POWER_RESTORED (METER), a customer
-- who says power is on (CUSTOMER) or a confirmation that power is back (CONFIRMATION). Reports are the other half
-- of the evidence; both count for gridmend.triage.prediction.window.
CREATE TABLE gm_power_observation (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  feeder_id       VARCHAR(64)  NOT NULL,
  transformer_id  VARCHAR(64)  NOT NULL,
  customer_no     VARCHAR(32),
  meter_no        VARCHAR(32),
  powered         BOOLEAN      NOT NULL,
  source          VARCHAR(16)  NOT NULL,
  at              DATETIME(3)  NOT NULL,
  incident_id     BIGINT,
  created_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_power_observation_feeder ON gm_power_observation (feeder_id, at);

-- A crew's or dispatcher's finding on an open incident: the fault is at to_node (CREW_FOUND, DISPATCHER_MOVED), or
-- the areas (comma separated) are not explained by from_node or anything above it (DISPATCHER_SPLIT). A finding
-- counts while its incident is open; it follows the incident when that merges upstream.
CREATE TABLE gm_prediction_finding (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  incident_id  BIGINT        NOT NULL,
  feeder_id    VARCHAR(64)   NOT NULL,
  kind         VARCHAR(20)   NOT NULL,
  from_node    VARCHAR(64)   NOT NULL,
  to_node      VARCHAR(64),
  areas        VARCHAR(4000),
  by_user      VARCHAR(64),
  at           DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_prediction_finding_feeder ON gm_prediction_finding (feeder_id, incident_id);

-- Why the incident sits on its device, one line per node ("FU2 (FUSE): 3 of 3 branches out (T4, T5, T6)"), and
-- the incident that areas were split off from (its customers heard of the outage already).
ALTER TABLE gm_incident ADD COLUMN prediction VARCHAR(2000);
ALTER TABLE gm_incident ADD COLUMN split_from_id BIGINT;

-- The roll-up rule counts branches now, not transformer areas across a subtree.
UPDATE gm_incident SET rule = 'ROLLUP_BRANCHES' WHERE rule = 'ROLLUP_TRANSFORMERS';
UPDATE gm_triage_decision SET rule = 'ROLLUP_BRANCHES' WHERE rule = 'ROLLUP_TRANSFORMERS';

-- Which customers a ping need not ask (they reported or were seen lately).
CREATE INDEX ix_gm_power_observation_customer ON gm_power_observation (customer_no, at);
