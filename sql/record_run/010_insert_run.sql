-- the run's own row, written when it ends
INSERT OR REPLACE INTO ingest_runs BY NAME SELECT * FROM incoming_run;
