-- the search index: one row per (word, article) for every word of the article's paragraphs,
-- so that the app's search reads the few row groups holding a word rather than every
-- paragraph (sql/app/matched_articles.sql). Kept by every load (sql/load/050); paragraphs
-- are never rewritten, so neither are these rows. Each load adds its rows ordered by word,
-- which keeps a word's rows in few row groups of the batch
CREATE TABLE IF NOT EXISTS article_words (
    word        VARCHAR NOT NULL,   -- as words_of gives it: lower case
    article_no  INTEGER NOT NULL    -- articles.article_no
);

-- a text's words: its longest runs of letters, digits, combining marks and '_' (Unicode, so
-- "Zürich" and "Ιράν" are one word each, "U.S." two), lower-cased: the one definition the
-- index and the search's terms share
CREATE OR REPLACE MACRO words_of(text) AS
    regexp_extract_all(lower(text), '[\p{L}\p{N}\p{M}_]+');

-- the rows of article_words for the paragraphs of paragraphs_table (columns article_id,
-- text), ordered by word; an article with no number fails the write rather than going
-- unsearchable
CREATE OR REPLACE MACRO article_words_of(paragraphs_table) AS TABLE
SELECT
    word,
    coalesce(numbers.article_no, error('no article_no for article ' || words.article_id))
        AS article_no
FROM (
    SELECT DISTINCT article_id, unnest(words_of(text)) AS word
    FROM query_table(paragraphs_table)
) AS words
-- the numbers of the table's articles alone (as actor_totals, 075_article_actors.sql)
LEFT JOIN (
    SELECT article_id, article_no
    FROM articles
    SEMI JOIN query_table(paragraphs_table) AS indexed USING (article_id)
) AS numbers USING (article_id)
ORDER BY word, article_no;

-- a warehouse made before the index gets it once, from its paragraphs (later opens find
-- rows in article_words and read no paragraph)
CREATE OR REPLACE TEMP VIEW unindexed_paragraphs AS
SELECT article_id, text FROM paragraphs WHERE NOT EXISTS (SELECT 1 FROM article_words);

INSERT INTO article_words SELECT * FROM article_words_of('unindexed_paragraphs');

DROP VIEW unindexed_paragraphs;
