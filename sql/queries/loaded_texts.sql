-- one row per loaded, current file: its normalised-text hash (same page in other bytes)
SELECT text_sha256, file_id FROM source_files WHERE status = 'loaded' AND text_sha256 IS NOT NULL;
