-- DuckDB's memory limit for this connection (drop_cached_blocks lowers it, then restores it).
SET memory_limit = $limit
