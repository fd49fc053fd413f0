-- Two things shared gm_incident: the incident (what triage predicts and merges: its device, level, state and
-- prediction, written by triage) and its repair order (what the crew works: crew, ETA, arrival, diagnosis, ETR,
-- review and stars, written by repair). The repair order gets its own table, one row per incident with the same
-- number (R-00000042 names both), made when its RepairOrder process starts. Its timeline and notes are renamed
-- after it. gm_incident keeps state and closed_at: an incident is CLOSED when its order closes.
CREATE TABLE gm_repair_order (
  incident_id         BIGINT       NOT NULL,
  crew_id             VARCHAR(64),
  arrival_deadline    DATETIME(3),
  eta                 DATETIME(3),
  etr                 DATETIME(3),
  accepted_at         DATETIME(3),
  arrived_at          DATETIME(3),
  arrival_distance_m  DOUBLE,
  late                BOOLEAN      DEFAULT FALSE NOT NULL,
  late_cause          VARCHAR(32),
  cause               VARCHAR(32),
  diagnosed_at        DATETIME(3),
  resolution          VARCHAR(32),
  repaired_at         DATETIME(3),
  reviewed_at         DATETIME(3),
  reviewed_by         VARCHAR(64),
  review_remark       VARCHAR(32),
  rating_count        INT,
  rating_average      DOUBLE,
  opened_at           DATETIME(3)  NOT NULL,
  PRIMARY KEY (incident_id)
) ${table_options};
CREATE INDEX ix_gm_repair_order_crew ON gm_repair_order (crew_id);
CREATE INDEX ix_gm_repair_order_arrived ON gm_repair_order (arrived_at);

INSERT INTO gm_repair_order (incident_id, crew_id, arrival_deadline, eta, etr, accepted_at, arrived_at,
                             arrival_distance_m, late, late_cause, cause, diagnosed_at, resolution, repaired_at,
                             reviewed_at, reviewed_by, review_remark, rating_count, rating_average, opened_at)
  SELECT id, crew_id, arrival_deadline, eta, etr, accepted_at, arrived_at, arrival_distance_m, late, late_cause,
         cause, diagnosed_at, resolution, repaired_at, reviewed_at, reviewed_by, review_remark, rating_count,
         rating_average, created_at
  FROM gm_incident;

DROP INDEX ix_gm_incident_crew ON gm_incident;
ALTER TABLE gm_incident DROP COLUMN crew_id;
ALTER TABLE gm_incident DROP COLUMN arrival_deadline;
ALTER TABLE gm_incident DROP COLUMN eta;
ALTER TABLE gm_incident DROP COLUMN etr;
ALTER TABLE gm_incident DROP COLUMN accepted_at;
ALTER TABLE gm_incident DROP COLUMN arrived_at;
ALTER TABLE gm_incident DROP COLUMN arrival_distance_m;
ALTER TABLE gm_incident DROP COLUMN late;
ALTER TABLE gm_incident DROP COLUMN late_cause;
ALTER TABLE gm_incident DROP COLUMN cause;
ALTER TABLE gm_incident DROP COLUMN diagnosed_at;
ALTER TABLE gm_incident DROP COLUMN resolution;
ALTER TABLE gm_incident DROP COLUMN repaired_at;
ALTER TABLE gm_incident DROP COLUMN reviewed_at;
ALTER TABLE gm_incident DROP COLUMN reviewed_by;
ALTER TABLE gm_incident DROP COLUMN review_remark;
ALTER TABLE gm_incident DROP COLUMN rating_count;
ALTER TABLE gm_incident DROP COLUMN rating_average;

ALTER TABLE gm_incident_event RENAME TO gm_repair_order_event;
ALTER TABLE gm_incident_note RENAME TO gm_repair_order_note;
