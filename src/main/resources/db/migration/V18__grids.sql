-- Grid responsibility (网格): each crew owns a set of transformer areas, with a deputy crew for when it cannot come.
-- An area has at most one owner (the key of gm_grid_area); dispatch prefers the owner, then the deputy.
CREATE TABLE gm_grid (
  crew_id         VARCHAR(64)  NOT NULL,
  deputy_crew_id  VARCHAR(64),
  updated_by      VARCHAR(64)  NOT NULL,
  updated_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (crew_id),
  CONSTRAINT fk_gm_grid_crew FOREIGN KEY (crew_id) REFERENCES gm_crew (id),
  CONSTRAINT fk_gm_grid_deputy FOREIGN KEY (deputy_crew_id) REFERENCES gm_crew (id)
) ${table_options};

CREATE TABLE gm_grid_area (
  transformer_id  VARCHAR(64)  NOT NULL,
  crew_id         VARCHAR(64)  NOT NULL,
  PRIMARY KEY (transformer_id),
  CONSTRAINT fk_gm_grid_area_transformer FOREIGN KEY (transformer_id) REFERENCES gm_transformer (id),
  CONSTRAINT fk_gm_grid_area_grid FOREIGN KEY (crew_id) REFERENCES gm_grid (crew_id)
) ${table_options};
CREATE INDEX ix_gm_grid_area_crew ON gm_grid_area (crew_id);

-- Which rule chose the crew of an offer: NEAREST, GRID_OWNER, GRID_DEPUTY, or DISPATCHER (a manual choice).
ALTER TABLE gm_dispatch_attempt ADD COLUMN dispatch_rule VARCHAR(16);
