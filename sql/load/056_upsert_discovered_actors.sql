-- actors recognised beside extraction in the articles this batch loads, not in the
-- registry: one row per actor id (its first name seen; other spellings join its aliases)
INSERT INTO actors BY NAME
SELECT * FROM incoming_discovered_actors
WHERE actor_id IN (
    SELECT actor_id FROM incoming_mentions
    WHERE article_id IN (SELECT article_id FROM incoming_articles)
)
ON CONFLICT (actor_id) DO UPDATE SET
    aliases = list_sort(list_distinct(list_concat(actors.aliases, excluded.aliases)));
