-- The board lists the reports waiting for a dispatcher to place them (status LOCATING), oldest first, every few
-- seconds: without this index each refresh would read every report.
CREATE INDEX ix_gm_report_status ON gm_report (status, created_at);
