-- the paths this run's discovery passed over: the only ones still passed over
DELETE FROM skipped_paths;
INSERT INTO skipped_paths BY NAME
SELECT * FROM incoming_skipped_paths;
