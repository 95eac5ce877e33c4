-- DuckDB's default memory limit, for a connection opened without one.
RESET memory_limit
