-- one row per path: what discovery compares a file's size and mtime against
SELECT path, file_id, size_bytes, mtime_ns FROM file_paths;
