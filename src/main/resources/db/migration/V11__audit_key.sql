-- Which key the audit chain is sealed with: the fingerprint of gridmend.audit.key (an HMAC of a fixed text), never
-- the key itself, which stays in the configuration. A chain sealed before the chain was keyed (plain SHA-256) or
-- with gridmend.audit.previous-key is verified and resealed with the configured key when GridMend starts.
CREATE TABLE gm_audit_key (
  id           INT          NOT NULL,
  fingerprint  CHAR(64)     NOT NULL,
  adopted_at   DATETIME(3)  NOT NULL,
  resealed     BIGINT       NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
