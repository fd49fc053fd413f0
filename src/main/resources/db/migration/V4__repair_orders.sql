-- Repair orders: which crew works an incident, when it accepted, arrived, diagnosed and restored, the incident's
-- own timeline, dispatch attempts with the candidates considered, crews' positions and ratings, and photos.

ALTER TABLE gm_crew ADD COLUMN on_shift BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE gm_crew ADD COLUMN last_lat DOUBLE;
ALTER TABLE gm_crew ADD COLUMN last_lng DOUBLE;
ALTER TABLE gm_crew ADD COLUMN last_position_at DATETIME(3);
ALTER TABLE gm_crew ADD COLUMN rating_count INT DEFAULT 0 NOT NULL;
ALTER TABLE gm_crew ADD COLUMN rating_sum INT DEFAULT 0 NOT NULL;

ALTER TABLE gm_incident ADD COLUMN crew_id VARCHAR(64);
ALTER TABLE gm_incident ADD COLUMN arrival_deadline DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN eta DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN etr DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN accepted_at DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN arrived_at DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN arrival_distance_m DOUBLE;
ALTER TABLE gm_incident ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE gm_incident ADD COLUMN late_cause VARCHAR(32);
ALTER TABLE gm_incident ADD COLUMN cause VARCHAR(32);
ALTER TABLE gm_incident ADD COLUMN diagnosed_at DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN resolution VARCHAR(32);
ALTER TABLE gm_incident ADD COLUMN repaired_at DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN reviewed_at DATETIME(3);
ALTER TABLE gm_incident ADD COLUMN reviewed_by VARCHAR(64);
ALTER TABLE gm_incident ADD COLUMN review_remark VARCHAR(32);
ALTER TABLE gm_incident ADD COLUMN rating_count INT;
ALTER TABLE gm_incident ADD COLUMN rating_average DOUBLE;
CREATE INDEX ix_gm_incident_crew ON gm_incident (crew_id, state);

-- What every customer on the incident sees: accepted by crew No. X with ETA, delayed, arrived, diagnosed...
CREATE TABLE gm_incident_event (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  incident_id  BIGINT        NOT NULL,
  at           DATETIME(3)   NOT NULL,
  type         VARCHAR(32)   NOT NULL,
  text         VARCHAR(1000) NOT NULL,
  actor        VARCHAR(64),
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_incident_event_incident ON gm_incident_event (incident_id, id);

-- Each offer of an incident to a crew, and how it ended; candidates lists who else was considered and why.
CREATE TABLE gm_dispatch_attempt (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  incident_id  BIGINT        NOT NULL,
  crew_id      VARCHAR(64)   NOT NULL,
  offered_at   DATETIME(3)   NOT NULL,
  distance_m   DOUBLE,
  eta          DATETIME(3),
  outcome      VARCHAR(12)   NOT NULL,
  reason       VARCHAR(64),
  ended_at     DATETIME(3),
  by_user      VARCHAR(64),
  candidates   VARCHAR(2000),
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_dispatch_attempt_incident ON gm_dispatch_attempt (incident_id, id);
CREATE INDEX ix_gm_dispatch_attempt_crew ON gm_dispatch_attempt (crew_id, outcome);

CREATE TABLE gm_crew_position (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  crew_id      VARCHAR(64)  NOT NULL,
  lat          DOUBLE       NOT NULL,
  lng          DOUBLE       NOT NULL,
  at           DATETIME(3)  NOT NULL,
  received_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_crew_position_crew ON gm_crew_position (crew_id, at);

-- Crews' notes on an incident (free text stays here, in utf8mb4, never in process variables).
CREATE TABLE gm_incident_note (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  incident_id  BIGINT        NOT NULL,
  at           DATETIME(3)   NOT NULL,
  author       VARCHAR(64)   NOT NULL,
  text         VARCHAR(2000) NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_incident_note_incident ON gm_incident_note (incident_id, id);

CREATE TABLE gm_photo (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  incident_id   BIGINT        NOT NULL,
  uploaded_by   VARCHAR(64)   NOT NULL,
  content_type  VARCHAR(16)   NOT NULL,
  size_bytes    INT           NOT NULL,
  sha256        CHAR(64)      NOT NULL,
  caption       VARCHAR(200),
  data          ${blob_type}  NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_photo_incident ON gm_photo (incident_id, id);
