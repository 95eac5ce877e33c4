-- unresolved names of this chunk of articles
INSERT INTO name_candidates BY NAME SELECT * FROM incoming_name_candidates;
