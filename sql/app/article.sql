-- one article's header and where its text came from
SELECT
    a.article_id, a.title, a.subtitle, coalesce(a.outlet, 'unknown') AS outlet, a.wire,
    a.authors, a.dateline, a.coverage_date, a.language, a.n_words, f.path
FROM articles AS a
JOIN source_files AS f USING (file_id)
WHERE a.article_id = $article_id
