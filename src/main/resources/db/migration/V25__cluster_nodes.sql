-- The GridMend nodes of one deployment and their heartbeats: the board shows the nodes alive, each node's health
-- names it.
CREATE TABLE gm_node (
  node_id       VARCHAR(80)   NOT NULL,
  host          VARCHAR(80)   NOT NULL,
  started_at    DATETIME(3)   NOT NULL,
  last_seen_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (node_id)
) ${table_options};

-- A counter per cache that every node keeps of shared data (topology, outage notices): the node that changes the data
-- moves it on, the others drop their cache within a second.
CREATE TABLE gm_cache_version (
  name        VARCHAR(40)   NOT NULL,
  version     BIGINT        NOT NULL,
  changed_at  DATETIME(3)   NOT NULL,
  changed_by  VARCHAR(80)   NOT NULL,
  PRIMARY KEY (name)
) ${table_options};

-- The live timelines (Server-Sent Events) open on each node, so that a report's and a client address's caps hold
-- across nodes.
CREATE TABLE gm_stream (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  node_id     VARCHAR(80)   NOT NULL,
  report_id   VARCHAR(32)   NOT NULL,
  client      VARCHAR(64),
  opened_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_stream_report ON gm_stream (report_id);
CREATE INDEX ix_gm_stream_client ON gm_stream (client);

-- Which node's dispatcher sent a message, so that each node's share of the outbox shows.
ALTER TABLE gm_notification ADD COLUMN sent_by VARCHAR(80);
