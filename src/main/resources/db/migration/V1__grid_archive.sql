-- Grid archive: the utility's network from substation to customer, and the crews who repair it.
-- Written once for H2 and MySQL/MariaDB; ${table_options} carries the MySQL engine and utf8mb4 charset.
-- Coordinates are WGS-84 degrees. Feeder, device and transformer ids share one name space (checked on import),
-- so an outage notice or an incident can name any of them by id alone.

CREATE TABLE gm_substation (
  id          VARCHAR(64)  NOT NULL,
  name        VARCHAR(200),
  lat         DOUBLE,
  lng         DOUBLE,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};

CREATE TABLE gm_feeder (
  id             VARCHAR(64)  NOT NULL,
  name           VARCHAR(200),
  substation_id  VARCHAR(64)  NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_gm_feeder_substation FOREIGN KEY (substation_id) REFERENCES gm_substation (id)
) ${table_options};

-- Switchgear on a feeder: the feeder breaker at its head (parent_id NULL), fuses, switches and reclosers below.
CREATE TABLE gm_device (
  id          VARCHAR(64)  NOT NULL,
  type        VARCHAR(16)  NOT NULL,
  feeder_id   VARCHAR(64)  NOT NULL,
  parent_id   VARCHAR(64),
  lat         DOUBLE,
  lng         DOUBLE,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_gm_device_feeder FOREIGN KEY (feeder_id) REFERENCES gm_feeder (id),
  CONSTRAINT fk_gm_device_parent FOREIGN KEY (parent_id) REFERENCES gm_device (id)
) ${table_options};
CREATE INDEX ix_gm_device_feeder ON gm_device (feeder_id);
CREATE INDEX ix_gm_device_parent ON gm_device (parent_id);

-- A transformer area (台区): one distribution transformer and the customers it supplies.
CREATE TABLE gm_transformer (
  id          VARCHAR(64)  NOT NULL,
  name        VARCHAR(200),
  feeder_id   VARCHAR(64)  NOT NULL,
  parent_id   VARCHAR(64),
  area_type   VARCHAR(8)   NOT NULL,
  lat         DOUBLE       NOT NULL,
  lng         DOUBLE       NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_gm_transformer_feeder FOREIGN KEY (feeder_id) REFERENCES gm_feeder (id),
  CONSTRAINT fk_gm_transformer_parent FOREIGN KEY (parent_id) REFERENCES gm_device (id)
) ${table_options};
CREATE INDEX ix_gm_transformer_feeder ON gm_transformer (feeder_id);
CREATE INDEX ix_gm_transformer_parent ON gm_transformer (parent_id);
CREATE INDEX ix_gm_transformer_lat_lng ON gm_transformer (lat, lng);

-- position_source says whether lat/lng came from the archive (ARCHIVE) or were taken over from the transformer.
CREATE TABLE gm_customer (
  customer_no      VARCHAR(32)  NOT NULL,
  name             VARCHAR(200),
  phone            VARCHAR(32),
  transformer_id   VARCHAR(64)  NOT NULL,
  lat              DOUBLE       NOT NULL,
  lng              DOUBLE       NOT NULL,
  position_source  VARCHAR(12)  NOT NULL,
  address          VARCHAR(500),
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (customer_no),
  CONSTRAINT fk_gm_customer_transformer FOREIGN KEY (transformer_id) REFERENCES gm_transformer (id)
) ${table_options};
CREATE INDEX ix_gm_customer_transformer ON gm_customer (transformer_id);
CREATE INDEX ix_gm_customer_lat_lng ON gm_customer (lat, lng);

-- Supply stations (供电所) where crews are based.
CREATE TABLE gm_station (
  id          VARCHAR(64)  NOT NULL,
  name        VARCHAR(200),
  lat         DOUBLE,
  lng         DOUBLE,
  updated_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ${table_options};

-- A crew (外勤班 grid staff) and the Camunda user it works as; lat/lng is its home position.
CREATE TABLE gm_crew (
  id           VARCHAR(64)  NOT NULL,
  employee_no  VARCHAR(32)  NOT NULL,
  name         VARCHAR(200),
  phone        VARCHAR(32),
  station_id   VARCHAR(64)  NOT NULL,
  user_id      VARCHAR(64),
  lat          DOUBLE,
  lng          DOUBLE,
  updated_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_crew_employee_no UNIQUE (employee_no),
  CONSTRAINT uk_gm_crew_user UNIQUE (user_id),
  CONSTRAINT fk_gm_crew_station FOREIGN KEY (station_id) REFERENCES gm_station (id)
) ${table_options};

CREATE TABLE gm_crew_skill (
  crew_id  VARCHAR(64)  NOT NULL,
  skill    VARCHAR(8)   NOT NULL,
  PRIMARY KEY (crew_id, skill),
  CONSTRAINT fk_gm_crew_skill_crew FOREIGN KEY (crew_id) REFERENCES gm_crew (id)
) ${table_options};
