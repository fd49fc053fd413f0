-- An outage notice runs as an OutageNotice process: a fault notice opens or joins the incident of its device, and
-- every notice records when and why it ended (expected end, ended by a dispatcher, withdrawn before it began, or the
-- incident's restoration).
ALTER TABLE gm_outage_notice ADD COLUMN incident_id BIGINT;
ALTER TABLE gm_outage_notice ADD COLUMN ended_at DATETIME(3);
ALTER TABLE gm_outage_notice ADD COLUMN end_reason VARCHAR(24);
CREATE INDEX ix_gm_outage_notice_incident ON gm_outage_notice (incident_id);
