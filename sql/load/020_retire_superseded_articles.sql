-- articles of superseded files are kept for history but are no longer current
UPDATE articles
SET is_current = FALSE
WHERE file_id IN (SELECT file_id FROM incoming_superseded);
