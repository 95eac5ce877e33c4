-- the paths whose articles are not loaded from them, newest first, with why: $limit of them
SELECT path, outcome, reason
FROM path_outcomes
WHERE outcome <> 'loaded'
ORDER BY seen_at DESC, path
LIMIT $limit;
