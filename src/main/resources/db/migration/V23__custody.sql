-- Custody of large customers' distribution rooms and equipment (配电房和设备托管): a business customer (kind in the
-- archive) applies with its equipment; a custody dispatcher assigns certified electricians and a maintenance plan;
-- the plan's rounds create inspections in the electricians' Tasklist.
ALTER TABLE gm_customer ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'RESIDENTIAL';

CREATE TABLE gm_custody_contract (
  id                     BIGINT         NOT NULL AUTO_INCREMENT,
  request_id             VARCHAR(64)    NOT NULL,
  customer_no            VARCHAR(32)    NOT NULL,
  phone                  VARCHAR(16)    NOT NULL,
  service_level          VARCHAR(16)    NOT NULL,
  status                 VARCHAR(16)    NOT NULL,
  electrician_id         BIGINT,
  second_electrician_id  BIGINT,
  monthly_fee            DECIMAL(10,2),
  term_months            INT,
  starts_at              DATETIME(3),
  ends_at                DATETIME(3),
  rounds_done            INT            NOT NULL DEFAULT 0,
  refusal_reason         VARCHAR(32),
  created_at             DATETIME(3)    NOT NULL,
  updated_at             DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_custody_contract_request UNIQUE (phone, request_id)
) ${table_options};
CREATE INDEX ix_gm_custody_contract_customer ON gm_custody_contract (customer_no, status);

CREATE TABLE gm_custody_equipment (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  contract_id   BIGINT         NOT NULL,
  seq           INT            NOT NULL,
  type          VARCHAR(16)    NOT NULL,
  rating        VARCHAR(40)    NOT NULL,
  manufacturer  VARCHAR(60)    NOT NULL,
  made_year     INT            NOT NULL,
  location      VARCHAR(100)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_custody_equipment_contract ON gm_custody_equipment (contract_id, seq);

-- One inspection of one piece of equipment in one round of the plan, and what the electrician found.
CREATE TABLE gm_custody_inspection (
  id             BIGINT          NOT NULL AUTO_INCREMENT,
  contract_id    BIGINT          NOT NULL,
  equipment_id   BIGINT          NOT NULL,
  round_no       INT             NOT NULL,
  kind           VARCHAR(24)     NOT NULL,
  due_at         DATETIME(3)     NOT NULL,
  done_at        DATETIME(3),
  done_by        VARCHAR(64),
  readings       VARCHAR(2000),
  result         VARCHAR(24),
  follow_up      VARCHAR(32),
  escalated_at   DATETIME(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_custody_inspection UNIQUE (contract_id, equipment_id, round_no)
) ${table_options};
CREATE INDEX ix_gm_custody_inspection_contract ON gm_custody_inspection (contract_id, round_no);
