-- mentions derived beside extraction, for the articles this batch loads
INSERT INTO mentions BY NAME
SELECT * FROM incoming_mentions
WHERE article_id IN (SELECT article_id FROM incoming_articles);

-- and their per-article totals (see schema/075_article_actors.sql)
INSERT INTO article_actors
SELECT article_id, actor_id, count(DISTINCT paragraph_id), count(*), min(paragraph_id)
FROM incoming_mentions
WHERE article_id IN (SELECT article_id FROM incoming_articles)
GROUP BY article_id, actor_id;

-- and the pairs of actors their paragraphs name together (schema/076_article_actor_pairs.sql)
INSERT INTO article_actor_pairs
SELECT * FROM paragraph_actor_pairs('incoming_mentions')
WHERE article_id IN (SELECT article_id FROM incoming_articles);
