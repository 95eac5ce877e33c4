-- files and articles this batch rejected, with their reason codes; a file looked at again
-- and rejected for the same reason at the same path keeps its first row
INSERT INTO quarantine BY NAME
SELECT i.*
FROM incoming_quarantine AS i
WHERE NOT EXISTS (
    SELECT 1
    FROM quarantine AS q
    WHERE q.path = i.path
        AND q.reason = i.reason
        AND q.file_id IS NOT DISTINCT FROM i.file_id
        AND q.article_id IS NOT DISTINCT FROM i.article_id
);
