-- the names curators should look at first
SELECT surface, n_mentions, n_articles, example_text
FROM unresolved_names
ORDER BY n_mentions DESC, surface
LIMIT 10;
