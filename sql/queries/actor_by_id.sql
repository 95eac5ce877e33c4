-- one actor's stored name, type, spellings and source
SELECT actor_id, name, type, aliases, source FROM actors WHERE actor_id = $actor_id;
