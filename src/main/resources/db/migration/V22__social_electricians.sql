-- Social electricians (社会电工): the area's electricians who serve customers behind the meter (表后延伸服务), which
-- the utility's crews do not do. An electrician applies with a verified phone and a certificate; a dispatcher
-- reviews; an approved one has a Camunda user (user_id) in group electricians. An expired certificate suspends.
CREATE TABLE gm_electrician (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  name                VARCHAR(60)    NOT NULL,
  phone               VARCHAR(16)    NOT NULL,
  certificate_no      VARCHAR(40)    NOT NULL,
  certificate_type    VARCHAR(16)    NOT NULL,
  certificate_expires DATE           NOT NULL,
  skills              VARCHAR(200)   NOT NULL,
  lat                 DOUBLE         NOT NULL,
  lng                 DOUBLE         NOT NULL,
  radius_km           DOUBLE         NOT NULL,
  hours_from          CHAR(5)        NOT NULL,
  hours_to            CHAR(5)        NOT NULL,
  status              VARCHAR(16)    NOT NULL,
  user_id             VARCHAR(64),
  refusal_reason      VARCHAR(200),
  rating_sum          INT            NOT NULL DEFAULT 0,
  rating_count        INT            NOT NULL DEFAULT 0,
  jobs_done           INT            NOT NULL DEFAULT 0,
  applied_at          DATETIME(3)    NOT NULL,
  reviewed_by         VARCHAR(64),
  reviewed_at         DATETIME(3),
  updated_at          DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_electrician_phone UNIQUE (phone),
  CONSTRAINT uk_gm_electrician_user UNIQUE (user_id)
) ${table_options};
CREATE INDEX ix_gm_electrician_status ON gm_electrician (status);

-- A job for one electrician behind one customer's meter: from a behind-the-meter report (report_id) or asked for
-- directly by a signed-in customer. Quote and amount are recorded; payment is between customer and electrician.
CREATE TABLE gm_service_job (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  request_id        VARCHAR(64)    NOT NULL,
  customer_phone    VARCHAR(16)    NOT NULL,
  report_id         BIGINT,
  tracking_token    VARCHAR(64)    NOT NULL,
  skill             VARCHAR(24)    NOT NULL,
  lat               DOUBLE         NOT NULL,
  lng               DOUBLE         NOT NULL,
  address           VARCHAR(200),
  description       VARCHAR(500),
  preferred_window  VARCHAR(16)    NOT NULL,
  status            VARCHAR(16)    NOT NULL,
  electrician_id    BIGINT,
  offers            INT            NOT NULL DEFAULT 0,
  visit_fee         DECIMAL(10,2),
  cause             VARCHAR(24),
  parts_fee         DECIMAL(10,2),
  labour_fee        DECIMAL(10,2),
  amount_charged    DECIMAL(10,2),
  rating            INT,
  rating_comment    VARCHAR(500),
  dispute_kind      VARCHAR(24),
  dispute_text      VARCHAR(500),
  dispute_outcome   VARCHAR(24),
  outcome           VARCHAR(24),
  created_at        DATETIME(3)    NOT NULL,
  updated_at        DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_service_job_request UNIQUE (customer_phone, request_id)
) ${table_options};
CREATE INDEX ix_gm_service_job_electrician ON gm_service_job (electrician_id, status);
CREATE INDEX ix_gm_service_job_report ON gm_service_job (report_id);

-- Each offer of a job to one electrician, in order: accepted, declined, lapsed (the accept timer), or withdrawn.
CREATE TABLE gm_service_job_offer (
  job_id          BIGINT        NOT NULL,
  seq             INT           NOT NULL,
  electrician_id  BIGINT        NOT NULL,
  distance_km     DOUBLE        NOT NULL,
  rule            VARCHAR(16)   NOT NULL,
  offered_at      DATETIME(3)   NOT NULL,
  answered_at     DATETIME(3),
  answer          VARCHAR(16),
  PRIMARY KEY (job_id, seq)
) ${table_options};
CREATE INDEX ix_gm_service_job_offer_electrician ON gm_service_job_offer (electrician_id, answer);

-- The job's timeline, as the customer's tracking page shows it, and the messages between customer and electrician.
CREATE TABLE gm_service_job_event (
  id        BIGINT         NOT NULL AUTO_INCREMENT,
  job_id    BIGINT         NOT NULL,
  at        DATETIME(3)    NOT NULL,
  kind      VARCHAR(32)    NOT NULL,
  text      VARCHAR(1000)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_service_job_event_job ON gm_service_job_event (job_id, id);

CREATE TABLE gm_service_job_message (
  id        BIGINT         NOT NULL AUTO_INCREMENT,
  job_id    BIGINT         NOT NULL,
  at        DATETIME(3)    NOT NULL,
  sender    VARCHAR(16)    NOT NULL,
  text      VARCHAR(500)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_service_job_message_job ON gm_service_job_message (job_id, id);

-- The electrician's photos of the finished work, cleaned like the crews' (re-encoded, no metadata).
CREATE TABLE gm_service_job_photo (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  job_id        BIGINT        NOT NULL,
  content_type  VARCHAR(16)   NOT NULL,
  size_bytes    INT           NOT NULL,
  data          ${blob_type}  NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_service_job_photo_job ON gm_service_job_photo (job_id, id);

-- One-time links to set a password (an approved electrician's first sign-in): only the hash is kept.
CREATE TABLE gm_password_link (
  token_hash  CHAR(64)     NOT NULL,
  user_id     VARCHAR(64)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  expires_at  DATETIME(3)  NOT NULL,
  used_at     DATETIME(3),
  PRIMARY KEY (token_hash)
) ${table_options};
CREATE INDEX ix_gm_password_link_user ON gm_password_link (user_id);

-- Audit events of services name their job or electrician (E-…, EL…) for the trace; the details carry it too, so that
-- the hash chain covers it.
ALTER TABLE gm_audit_event ADD COLUMN subject VARCHAR(32);
CREATE INDEX ix_gm_audit_event_subject ON gm_audit_event (subject, id);
