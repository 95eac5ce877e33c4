-- one row per path: what discovery compares a file's size and mtime against (a path whose
-- content is to be retried is left out: it is looked at again)
SELECT path, file_id, size_bytes, mtime_ns
FROM file_paths
WHERE file_id NOT IN (SELECT file_id FROM retried_files);
