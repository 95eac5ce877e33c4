-- prose-like blocks of this batch's loaded files that no article kept
INSERT INTO dropped_blocks BY NAME
SELECT i.*
FROM incoming_dropped_blocks AS i
ANTI JOIN dropped_blocks AS t USING (file_id);
