-- files whose path now holds other bytes: their articles stop counting
UPDATE source_files
SET status = 'superseded', superseded_at = $now
WHERE file_id IN (SELECT file_id FROM incoming_superseded)
  AND status <> 'superseded';
