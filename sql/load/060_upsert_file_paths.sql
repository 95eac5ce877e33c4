-- what each path held when this batch looked at it
INSERT OR REPLACE INTO file_paths BY NAME
SELECT * FROM incoming_file_paths;
