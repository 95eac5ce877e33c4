-- mentions derived beside extraction, for the articles this batch loads
INSERT INTO mentions BY NAME
SELECT * FROM incoming_mentions
WHERE article_id IN (SELECT article_id FROM incoming_articles);

-- and their per-article totals (see schema/075_article_actors.sql), their actors numbered first
INSERT INTO actor_keys SELECT * FROM new_actor_keys('incoming_mentions');

INSERT INTO article_actors BY NAME
SELECT * FROM actor_totals('incoming_mentions', 'incoming_articles');

-- and the pairs of actors their paragraphs name together (schema/076_article_actor_pairs.sql)
INSERT INTO article_actor_pairs
SELECT * FROM paragraph_actor_pairs('incoming_mentions')
WHERE article_id IN (SELECT article_id FROM incoming_articles);
