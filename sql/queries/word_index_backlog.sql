-- how many articles the search index does not cover yet (schema/045_article_words.sql)
SELECT count(*) AS n_articles FROM word_index_backlog
