-- actor mentions of this chunk of articles
INSERT INTO mentions BY NAME SELECT * FROM incoming_mentions;

-- and their per-article totals (see schema/075_article_actors.sql)
INSERT INTO article_actors
SELECT article_id, actor_id, count(DISTINCT paragraph_id), count(*), min(paragraph_id)
FROM incoming_mentions
GROUP BY article_id, actor_id;

-- and the pairs of actors their paragraphs name together (schema/076_article_actor_pairs.sql),
-- in place of those of an earlier derivation (kept until now, so that the co-mention
-- totals could take them out: sql/co_mentions/)
DELETE FROM article_actor_pairs
WHERE article_id IN (SELECT article_id FROM incoming_derived);

INSERT INTO article_actor_pairs SELECT * FROM paragraph_actor_pairs('incoming_mentions');
