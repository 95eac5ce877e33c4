-- new file contents of this batch (loaded, quarantined or duplicate).
-- Every insert here that skips stored keys is an ANTI JOIN: DuckDB builds its hash table
-- on the batch's side, where `NOT IN (SELECT key FROM t)` hashed the whole stored table,
-- so the load's peak memory grew with the warehouse.
INSERT INTO source_files BY NAME
SELECT i.*
FROM incoming_source_files AS i
ANTI JOIN source_files AS t USING (file_id);
