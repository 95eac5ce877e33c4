-- paragraphs of this batch's articles
INSERT INTO paragraphs BY NAME
SELECT * FROM incoming_paragraphs
WHERE paragraph_id NOT IN (SELECT paragraph_id FROM paragraphs);
