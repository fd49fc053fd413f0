-- The GridMend nodes of one deployment and their heartbeats: the board shows the nodes alive, each node's health
-- names it.
CREATE TABLE gm_node (
  node_id       VARCHAR(80)   NOT NULL,
  host          VARCHAR(80)   NOT NULL,
  started_at    DATETIME(3)   NOT NULL,
  last_seen_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (node_id)
) ${table_options};
