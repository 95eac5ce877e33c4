-- a discovered actor no article mentions any more (its articles were re-derived or
-- superseded) leaves the actors table; a later mention brings it back
DELETE FROM actors
WHERE source = 'discovered'
  AND actor_id NOT IN (SELECT DISTINCT actor_id FROM article_actors);
