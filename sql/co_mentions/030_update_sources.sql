-- the totals now hold exactly the contributing articles
DELETE FROM co_mention_sources AS sources
USING co_mention_changed_articles AS changed
WHERE changed.sign = -1
  AND sources.article_id = changed.article_id
  AND sources.outlet_label = changed.outlet_label;

INSERT INTO co_mention_sources
SELECT article_id, outlet_label FROM co_mention_changed_articles WHERE sign = 1;

DROP TABLE co_mention_changed_articles;
