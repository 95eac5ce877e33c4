-- new file contents of this batch (loaded, quarantined or duplicate)
INSERT INTO source_files BY NAME
SELECT * FROM incoming_source_files
WHERE file_id NOT IN (SELECT file_id FROM source_files);
