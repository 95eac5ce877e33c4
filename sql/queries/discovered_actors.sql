-- actors recognised in the text that the registry does not hold, most mentioned first,
-- with one sentence that names each: what `newsdesk actors` shows a curator
SELECT
    u.actor_id,
    u.surface AS name,
    u.type,
    u.n_mentions,
    u.n_articles,
    a.aliases,
    u.example_text
FROM unresolved_names AS u
JOIN actors AS a USING (actor_id)
WHERE ($type IS NULL OR u.type = $type)
ORDER BY u.n_mentions DESC, u.surface
LIMIT $limit;
