-- prose-like blocks of this batch's loaded files that no article kept
INSERT INTO dropped_blocks BY NAME
SELECT * FROM incoming_dropped_blocks
WHERE file_id NOT IN (SELECT DISTINCT file_id FROM dropped_blocks);
