-- actors recognised in this chunk's articles that the registry does not hold: one row per
-- actor id (its first name seen; every other spelling joins its aliases)
INSERT INTO actors BY NAME
SELECT * FROM incoming_discovered_actors
ON CONFLICT (actor_id) DO UPDATE SET
    aliases = list_sort(list_distinct(list_concat(actors.aliases, excluded.aliases)));
