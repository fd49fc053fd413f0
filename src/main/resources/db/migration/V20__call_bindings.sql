-- Privacy-number (AXB) bindings: the customer and the order's crew call each other through a virtual number that
-- the telephony gateway binds to both, so that neither learns the other's number. One binding per report of an
-- order, made when a crew accepts it and removed when power is back. The real numbers go to the gateway only.
CREATE TABLE gm_call_binding (
  binding_id      VARCHAR(40)   NOT NULL,
  incident_id     BIGINT        NOT NULL,
  report_id       BIGINT        NOT NULL,
  virtual_number  VARCHAR(32),
  state           VARCHAR(12)   NOT NULL,
  error           VARCHAR(300),
  expires_at      DATETIME(3)   NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  removed_at      DATETIME(3),
  PRIMARY KEY (binding_id)
) ${table_options};
CREATE INDEX ix_gm_call_binding_order ON gm_call_binding (incident_id, report_id);

-- The demo profile's development telephony gateway keeps its bindings here (shown on /dev/inbox); unused otherwise.
CREATE TABLE gm_dev_binding (
  binding_id      VARCHAR(40)   NOT NULL,
  a               VARCHAR(32)   NOT NULL,
  b               VARCHAR(32)   NOT NULL,
  virtual_number  VARCHAR(32)   NOT NULL,
  expires_at      DATETIME(3)   NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  removed_at      DATETIME(3),
  PRIMARY KEY (binding_id)
) ${table_options};
