-- Fault reports, the incidents they merge into, the reasons for every triage decision, outage notices and
-- smart-meter events. Ids are numbers here; the API shows them as B-00000042 (reports) and R-00000042 (incidents).

-- A meter belongs to one customer; without one in the archive the meter number is the customer number.
ALTER TABLE gm_customer ADD COLUMN meter_no VARCHAR(32);
UPDATE gm_customer SET meter_no = customer_no;
CREATE UNIQUE INDEX uk_gm_customer_meter ON gm_customer (meter_no);

-- One incident per fault. open_key is 'D:<device>' (or 'L:<id>' for a location cluster) while the incident is
-- open and NULL afterwards: the unique constraint is what guarantees one open incident per device, whatever the
-- number of threads or nodes triaging at once.
CREATE TABLE gm_incident (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  open_key         VARCHAR(80),
  device_id        VARCHAR(64),
  level            VARCHAR(12)  NOT NULL,
  feeder_id        VARCHAR(64),
  area_type        VARCHAR(8),
  lat              DOUBLE,
  lng              DOUBLE,
  state            VARCHAR(12)  NOT NULL,
  merged_into_id   BIGINT,
  rule             VARCHAR(32)  NOT NULL,
  reason           VARCHAR(500) NOT NULL,
  first_report_at  DATETIME(3)  NOT NULL,
  created_at       DATETIME(3)  NOT NULL,
  restored_at      DATETIME(3),
  closed_at        DATETIME(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_incident_open UNIQUE (open_key)
) ${table_options};
CREATE INDEX ix_gm_incident_state ON gm_incident (state, feeder_id);
CREATE INDEX ix_gm_incident_device ON gm_incident (device_id, state);

-- Planned and announced fault outages; reports from the area they cover are answered with the notice.
CREATE TABLE gm_outage_notice (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  type             VARCHAR(8)   NOT NULL,
  device_id        VARCHAR(64)  NOT NULL,
  feeder_id        VARCHAR(64)  NOT NULL,
  starts_at        DATETIME(3)  NOT NULL,
  expected_end_at  DATETIME(3)  NOT NULL,
  reason           VARCHAR(500),
  state            VARCHAR(12)  NOT NULL,
  created_by       VARCHAR(64),
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_outage_notice_feeder ON gm_outage_notice (feeder_id, state);

-- A customer's report. request_id makes intake idempotent; answer keeps the first answer for replays;
-- process_started is the outbox flag: intake commits the row, FaultReportStarter starts its process.
CREATE TABLE gm_report (
  id                      BIGINT        NOT NULL AUTO_INCREMENT,
  request_id              VARCHAR(64)   NOT NULL,
  request_hash            CHAR(64)      NOT NULL,
  tracking_token          VARCHAR(64)   NOT NULL,
  channel                 VARCHAR(8)    NOT NULL,
  customer_no             VARCHAR(32),
  phone                   VARCHAR(32),
  lat                     DOUBLE,
  lng                     DOUBLE,
  coord_sys               VARCHAR(8),
  address                 VARCHAR(500),
  description             VARCHAR(1000),
  only_my_home            BOOLEAN,
  client_address          VARCHAR(45),
  status                  VARCHAR(16)   NOT NULL,
  located_customer_no     VARCHAR(32),
  located_transformer_id  VARCHAR(64),
  feeder_id               VARCHAR(64),
  locate_method           VARCHAR(20),
  incident_id             BIGINT,
  notice_id               BIGINT,
  excluded_incident_id    BIGINT,
  power_restored          BOOLEAN,
  confirmed_at            DATETIME(3),
  answer                  VARCHAR(2000) NOT NULL,
  process_started         BOOLEAN       NOT NULL DEFAULT FALSE,
  created_at              DATETIME(3)   NOT NULL,
  updated_at              DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_report_request UNIQUE (request_id)
) ${table_options};
CREATE INDEX ix_gm_report_incident ON gm_report (incident_id);
CREATE INDEX ix_gm_report_customer ON gm_report (customer_no, created_at);
CREATE INDEX ix_gm_report_phone ON gm_report (phone, created_at);
CREATE INDEX ix_gm_report_located_customer ON gm_report (located_customer_no, status);
CREATE INDEX ix_gm_report_transformer ON gm_report (located_transformer_id, created_at);
CREATE INDEX ix_gm_report_feeder ON gm_report (feeder_id, created_at);
CREATE INDEX ix_gm_report_pending_start ON gm_report (process_started, id);

-- The report's timeline, as the customer sees it on the tracking page.
CREATE TABLE gm_report_event (
  id         BIGINT        NOT NULL AUTO_INCREMENT,
  report_id  BIGINT        NOT NULL,
  at         DATETIME(3)   NOT NULL,
  type       VARCHAR(32)   NOT NULL,
  text       VARCHAR(1000) NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_report_event_report ON gm_report_event (report_id, id);

-- Why each report went where it went: the device matched and the rule that fired.
CREATE TABLE gm_triage_decision (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  report_id    BIGINT,
  incident_id  BIGINT,
  decision     VARCHAR(24)  NOT NULL,
  rule         VARCHAR(32)  NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  at           DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_triage_decision_report ON gm_triage_decision (report_id);
CREATE INDEX ix_gm_triage_decision_incident ON gm_triage_decision (incident_id);

-- Last gasps and restorations from smart meters (AMI).
CREATE TABLE gm_meter_event (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  meter_no        VARCHAR(32)  NOT NULL,
  customer_no     VARCHAR(32)  NOT NULL,
  transformer_id  VARCHAR(64)  NOT NULL,
  feeder_id       VARCHAR(64)  NOT NULL,
  type            VARCHAR(16)  NOT NULL,
  at              DATETIME(3)  NOT NULL,
  received_at     DATETIME(3)  NOT NULL,
  report_id       BIGINT,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_meter_event UNIQUE (meter_no, type, at)
) ${table_options};
CREATE INDEX ix_gm_meter_event_transformer ON gm_meter_event (transformer_id, at);

-- The customers' stars for a repair; aggregated per crew when the repair order ends.
CREATE TABLE gm_rating (
  report_id    BIGINT        NOT NULL,
  incident_id  BIGINT,
  stars        INT           NOT NULL,
  comment      VARCHAR(1000),
  created_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (report_id)
) ${table_options};
CREATE INDEX ix_gm_rating_incident ON gm_rating (incident_id);

-- Named locks for work that must not run twice at once across nodes (SELECT ... FOR UPDATE on the row).
CREATE TABLE gm_lock (
  name  VARCHAR(64) NOT NULL,
  PRIMARY KEY (name)
) ${table_options};
INSERT INTO gm_lock (name) VALUES ('location-clusters');
INSERT INTO gm_lock (name) VALUES ('fault-report-starter');
