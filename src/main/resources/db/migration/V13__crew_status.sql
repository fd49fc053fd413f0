-- A crew's live state (on shift, last position from its phone, the customers' stars) is repair's; the crew
-- itself (number, name, phone, station, user, home) is the archive's, which the grid import writes. The live
-- state leaves gm_crew for a table of repair's own, one row per crew, made when repair first writes it.
CREATE TABLE gm_crew_status (
  crew_id           VARCHAR(64)  NOT NULL,
  on_shift          BOOLEAN      DEFAULT TRUE NOT NULL,
  last_lat          DOUBLE,
  last_lng          DOUBLE,
  last_position_at  DATETIME(3),
  rating_count      INT          DEFAULT 0 NOT NULL,
  rating_sum        INT          DEFAULT 0 NOT NULL,
  PRIMARY KEY (crew_id),
  CONSTRAINT fk_gm_crew_status_crew FOREIGN KEY (crew_id) REFERENCES gm_crew (id)
) ${table_options};

INSERT INTO gm_crew_status (crew_id, on_shift, last_lat, last_lng, last_position_at, rating_count, rating_sum)
  SELECT id, on_shift, last_lat, last_lng, last_position_at, rating_count, rating_sum FROM gm_crew;

ALTER TABLE gm_crew DROP COLUMN on_shift;
ALTER TABLE gm_crew DROP COLUMN last_lat;
ALTER TABLE gm_crew DROP COLUMN last_lng;
ALTER TABLE gm_crew DROP COLUMN last_position_at;
ALTER TABLE gm_crew DROP COLUMN rating_count;
ALTER TABLE gm_crew DROP COLUMN rating_sum;
