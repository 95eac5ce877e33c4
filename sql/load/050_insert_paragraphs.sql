-- paragraphs of this batch's articles
INSERT INTO paragraphs BY NAME
SELECT i.*
FROM incoming_paragraphs AS i
ANTI JOIN paragraphs AS t USING (paragraph_id);
