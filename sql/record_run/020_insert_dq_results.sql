-- every check's outcome in this run
INSERT INTO dq_results BY NAME SELECT * FROM incoming_dq_results;
