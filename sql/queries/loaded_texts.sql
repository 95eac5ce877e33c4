-- one row per loaded, current file whose normalised text (text_sha256) a file of the batch
-- (batch_texts) also has: the same page in other bytes
SELECT s.text_sha256, s.file_id
FROM source_files AS s
JOIN batch_texts USING (text_sha256)
WHERE s.status = 'loaded';
