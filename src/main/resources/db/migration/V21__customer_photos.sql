-- A photo a customer sends the crew with a message ("电表箱在这里"): seen by that customer and the order's crew (and
-- dispatchers), not by the order's other customers, who see only the crew's on-site photos (report_id NULL).
ALTER TABLE gm_photo ADD COLUMN report_id BIGINT;
ALTER TABLE gm_order_message ADD COLUMN photo_id BIGINT;
