-- the search index's rows of the chunk's paragraphs (010), and the chunk off the backlog
CREATE OR REPLACE TEMP VIEW indexing_paragraphs AS
SELECT article_id, text
FROM paragraphs
SEMI JOIN (SELECT article_id FROM articles SEMI JOIN indexing USING (article_no)) AS chunk
    USING (article_id);

INSERT INTO article_words SELECT * FROM article_words_of('indexing_paragraphs');

DELETE FROM word_index_backlog WHERE article_no IN (SELECT article_no FROM indexing);

DROP VIEW indexing_paragraphs;

DROP TABLE indexing;
