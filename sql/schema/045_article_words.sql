-- the search index: one row per (word, article) for every word of the article's paragraphs,
-- so that the app's search reads the few row groups holding a word rather than every
-- paragraph (sql/app/matched_articles.sql). Kept by every load (sql/load/050); paragraphs
-- are never rewritten, so neither are these rows. Each load adds its rows ordered by word,
-- which keeps a word's rows in few row groups of the batch.
-- Made on a warehouse that already holds articles, it starts empty and lists them all in
-- word_index_backlog (below), which the next ingest indexes a chunk per transaction
CREATE OR REPLACE TEMP TABLE index_is_new AS
SELECT NOT EXISTS (
    SELECT 1 FROM duckdb_tables()
    WHERE database_name = current_database() AND schema_name = 'main'
      AND table_name = 'article_words'
) AS is_new;

CREATE TABLE IF NOT EXISTS article_words (
    word        VARCHAR NOT NULL,   -- as words_of gives it: lower case
    article_no  INTEGER NOT NULL    -- articles.article_no
);

-- the articles loaded before the index existed and not indexed yet (flows/ingest.py
-- index_word_backlog; sql/index_words/): one statement over a 100,000-file warehouse's 2.5 M
-- paragraphs would need gigabytes, a chunk of them a few hundred megabytes
CREATE TABLE IF NOT EXISTS word_index_backlog (
    article_no  INTEGER NOT NULL
);

INSERT INTO word_index_backlog
SELECT article_no FROM articles WHERE (SELECT is_new FROM index_is_new);

DROP TABLE index_is_new;

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
