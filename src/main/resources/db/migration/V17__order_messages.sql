-- Messages between a customer on a repair order and the order's crew (the paper: customers can reach the crew while
-- it comes, and the crew can ask what happened before it arrives). One thread per report on the order; neither
-- side sees the other's phone number, and numbers typed into a message are masked before it is stored.
CREATE TABLE gm_order_message (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  incident_id    BIGINT        NOT NULL,
  report_id      BIGINT        NOT NULL,
  from_customer  BOOLEAN       NOT NULL,
  author         VARCHAR(64),
  text           VARCHAR(2000) NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  PRIMARY KEY (id)
) ${table_options};
CREATE INDEX ix_gm_order_message_order ON gm_order_message (incident_id, report_id, id);
