-- The audit trail: GridMend's own record of what happened, appended in the transaction of the step it describes.
-- Rows are sealed into a hash chain shortly after they commit (seq, prev_hash, hash), so that appends from many
-- transactions and nodes never wait for one another; GET /api/audit/verify recomputes the chain. Nothing in this
-- table is updated after sealing, and rows leave it only by retention, oldest first, leaving a checkpoint behind.
CREATE TABLE gm_audit_event (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  seq              BIGINT,
  at               DATETIME(3)   NOT NULL,
  actor_type       VARCHAR(8)    NOT NULL,
  actor            VARCHAR(64),
  type             VARCHAR(32)   NOT NULL,
  report_id        BIGINT,
  incident_id      BIGINT,
  notice_id        BIGINT,
  notification_id  BIGINT,
  customer_no      VARCHAR(32),
  crew_id          VARCHAR(64),
  device_id        VARCHAR(64),
  details          VARCHAR(4000) NOT NULL,
  prev_hash        CHAR(64),
  hash             CHAR(64),
  sealed_at        DATETIME(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_audit_event_seq UNIQUE (seq)
) ${table_options};
CREATE INDEX ix_gm_audit_event_unsealed ON gm_audit_event (sealed_at, id);
CREATE INDEX ix_gm_audit_event_report ON gm_audit_event (report_id, id);
CREATE INDEX ix_gm_audit_event_incident ON gm_audit_event (incident_id, id);
CREATE INDEX ix_gm_audit_event_notification ON gm_audit_event (notification_id);
CREATE INDEX ix_gm_audit_event_customer ON gm_audit_event (customer_no, at);
CREATE INDEX ix_gm_audit_event_crew ON gm_audit_event (crew_id, at);
CREATE INDEX ix_gm_audit_event_at ON gm_audit_event (at);

-- Where the chain starts after retention removed its oldest part: the last removed row's seq and hash.
CREATE TABLE gm_audit_checkpoint (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  seq           BIGINT       NOT NULL,
  hash          CHAR(64)     NOT NULL,
  removed       BIGINT       NOT NULL,
  removed_before DATETIME(3) NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};

INSERT INTO gm_lock (name) VALUES ('audit-chain');
INSERT INTO gm_lock (name) VALUES ('retention');

CREATE INDEX ix_gm_notification_customer ON gm_notification (customer_no, created_at);
CREATE INDEX ix_gm_incident_created ON gm_incident (created_at);
CREATE INDEX ix_gm_report_created ON gm_report (created_at);
