-- curated outlets and any outlet first seen in this batch
INSERT OR REPLACE INTO outlets BY NAME
SELECT * FROM incoming_outlets;
