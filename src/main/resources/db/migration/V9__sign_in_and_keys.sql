-- Failed sign-ins, counted per client address ('a:<address>'), per user and address ('p:<user>|<address>') and
-- per user ('u:<user>'), so that every node sees them. A key is refused until blocked_until; nothing is locked for
-- good. Rows of a quiet key are forgotten after the window.
CREATE TABLE gm_sign_in_failure (
  throttle_key   VARCHAR(200) NOT NULL,
  failures       INT          NOT NULL,
  first_at       DATETIME(3)  NOT NULL,
  last_at        DATETIME(3)  NOT NULL,
  blocked_until  DATETIME(3),
  PRIMARY KEY (throttle_key)
) ${table_options};

-- API keys of machines (the AMI head-end, gateways calling back): group integrations. Only a hash of the secret is
-- kept; a key is shown once when issued, and revoked (never deleted, for the audit trail).
CREATE TABLE gm_api_key (
  id           VARCHAR(24)  NOT NULL,
  secret_hash  CHAR(64)     NOT NULL,
  label        VARCHAR(100) NOT NULL,
  created_by   VARCHAR(64),
  created_at   DATETIME(3)  NOT NULL,
  revoked_at   DATETIME(3),
  last_used_at DATETIME(3),
  PRIMARY KEY (id)
) ${table_options};
