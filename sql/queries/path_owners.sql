-- one row per path: the file content it held before this run
SELECT path, file_id FROM file_paths;
