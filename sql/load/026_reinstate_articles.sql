-- the reinstated content's articles count again
UPDATE articles
SET is_current = TRUE
WHERE file_id IN (SELECT file_id FROM incoming_reinstated);
