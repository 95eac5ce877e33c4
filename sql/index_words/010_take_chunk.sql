-- the next $chunk articles of word_index_backlog (schema/045_article_words.sql); 020 indexes
-- them and takes them off the backlog, in the same transaction
CREATE OR REPLACE TEMP TABLE indexing AS
SELECT article_no FROM word_index_backlog ORDER BY article_no LIMIT $chunk;
