-- The notification outbox: one row per customer per event, written in the transaction of the process step that
-- caused it, delivered afterwards by the dispatcher with retries. message_id is what the gateways see (stable
-- across retries); dedupe_key makes "each customer gets each event once" a database guarantee.
CREATE TABLE gm_notification (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  message_id       CHAR(36)      NOT NULL,
  dedupe_key       VARCHAR(190)  NOT NULL,
  event_type       VARCHAR(32)   NOT NULL,
  incident_id      BIGINT,
  report_id        BIGINT,
  notice_id        BIGINT,
  customer_no      VARCHAR(32),
  phone            VARCHAR(32),
  channel          VARCHAR(8)    NOT NULL,
  template         VARCHAR(64)   NOT NULL,
  title            VARCHAR(100),
  text             VARCHAR(1000) NOT NULL,
  status           VARCHAR(12)   NOT NULL,
  attempts         INT           DEFAULT 0 NOT NULL,
  next_attempt_at  DATETIME(3)   NOT NULL,
  lease_owner      VARCHAR(64),
  lease_until      DATETIME(3),
  last_error       VARCHAR(500),
  gateway_status   INT,
  created_at       DATETIME(3)   NOT NULL,
  sent_at          DATETIME(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_notification_message UNIQUE (message_id),
  CONSTRAINT uk_gm_notification_dedupe UNIQUE (dedupe_key)
) ${table_options};
CREATE INDEX ix_gm_notification_due ON gm_notification (status, next_attempt_at);
CREATE INDEX ix_gm_notification_incident ON gm_notification (incident_id, event_type);
CREATE INDEX ix_gm_notification_notice ON gm_notification (notice_id, event_type);

-- Customers whose GridMend app is bound to their customer number: they get app pushes instead of SMS.
CREATE TABLE gm_app_registration (
  customer_no    VARCHAR(32)  NOT NULL,
  registered_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (customer_no)
) ${table_options};

-- The last ETR customers were told, so that only a change of at least gridmend.notify.etr-min-change is sent.
ALTER TABLE gm_incident ADD COLUMN etr_notified DATETIME(3);

-- The development gateway's inboxes (demo profile only): what each phone or app would have received.
CREATE TABLE gm_dev_inbox (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  message_id   CHAR(36)      NOT NULL,
  channel      VARCHAR(8)    NOT NULL,
  address      VARCHAR(32)   NOT NULL,
  template     VARCHAR(64),
  title        VARCHAR(100),
  text         VARCHAR(1000) NOT NULL,
  received_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_gm_dev_inbox_message UNIQUE (message_id)
) ${table_options};
CREATE INDEX ix_gm_dev_inbox_address ON gm_dev_inbox (address, id);
