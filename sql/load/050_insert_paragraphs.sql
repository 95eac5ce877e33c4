-- paragraphs of this batch's articles: those not stored yet
CREATE OR REPLACE TEMP TABLE new_paragraphs AS
SELECT i.*
FROM incoming_paragraphs AS i
ANTI JOIN paragraphs AS t USING (paragraph_id);

-- and their rows of the search index (schema/045_article_words.sql)
INSERT INTO article_words SELECT * FROM article_words_of('new_paragraphs');

INSERT INTO paragraphs BY NAME SELECT * FROM new_paragraphs;

DROP TABLE new_paragraphs;
