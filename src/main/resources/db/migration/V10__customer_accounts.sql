-- Customer accounts by phone: a one-time code sent by SMS (only its hash kept; single use, 5 minutes, 5 tries)
-- signs a phone in; the session token (only its hash kept) expires. A signed-in customer holds the customer numbers
-- whose archive phone is the verified phone, and those a dispatcher added for it after checking.
CREATE TABLE gm_customer_code (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  phone           VARCHAR(16)  NOT NULL,
  code_hash       CHAR(64)     NOT NULL,
  client_address  VARCHAR(45),
  created_at      DATETIME(3)  NOT NULL,
  expires_at      DATETIME(3)  NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  used_at         DATETIME(3),
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_customer_code_phone ON gm_customer_code (phone, created_at);
CREATE INDEX ix_gm_customer_code_address ON gm_customer_code (client_address, created_at);

CREATE TABLE gm_customer_session (
  token_hash  CHAR(64)     NOT NULL,
  phone       VARCHAR(16)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  expires_at  DATETIME(3)  NOT NULL,
  revoked_at  DATETIME(3),
  PRIMARY KEY (token_hash)
) ${table_options};

-- Phones a dispatcher verified for a customer number besides the archive's (a tenant, a relative).
CREATE TABLE gm_customer_phone (
  customer_no  VARCHAR(32)  NOT NULL,
  phone        VARCHAR(16)  NOT NULL,
  added_by     VARCHAR(64)  NOT NULL,
  added_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (customer_no, phone)
) ${table_options};
CREATE INDEX ix_gm_customer_phone_phone ON gm_customer_phone (phone);

-- A report made by a signed-in customer for one of their customer numbers is verified; messages about a customer
-- number go to its archive phone or a verified one, never to a phone typed into an unverified report.
ALTER TABLE gm_report ADD COLUMN verified_phone VARCHAR(16);

-- Whether the repair order has told the customers below its device who did not report: HELD while the outage is
-- not corroborated (one unverified report must not text a whole feeder), TOLD once it was.
ALTER TABLE gm_incident ADD COLUMN outage_known VARCHAR(8);
