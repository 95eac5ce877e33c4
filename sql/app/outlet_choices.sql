-- the outlets a filter can pick, most articles first
SELECT outlet, n_articles
FROM coverage_by_outlet
ORDER BY n_articles DESC, outlet
