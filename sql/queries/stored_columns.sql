-- every column of the warehouse's own tables, to tell a schema older than this newsdesk's
SELECT table_name, column_name
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
