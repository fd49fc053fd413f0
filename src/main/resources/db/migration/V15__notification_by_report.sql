-- A report's acknowledgement is looked up by report before it is written (a report is acknowledged once).
CREATE INDEX ix_gm_notification_report ON gm_notification (report_id, event_type);
