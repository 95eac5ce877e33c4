-- the counted articles the app's filters keep before actors and search narrow them: the
-- chosen outlets (none = all), dates, language (NULL = any) and copies (any / wire /
-- own / syndicated); the base that attention shares are taken of; newest first, as the
-- matched articles are listed (with no actor or search chosen, they are these)
SELECT
    article_id,
    article_no,
    coverage_date,
    outlet_label AS outlet,
    title,
    language,
    wire,
    n_words
FROM counted_articles
WHERE (len($outlets::VARCHAR[]) = 0 OR list_contains($outlets::VARCHAR[], outlet_label))
  AND coverage_date BETWEEN $date_from::DATE AND $date_to::DATE
  AND ($language::VARCHAR IS NULL OR language = $language::VARCHAR)
  AND CASE $copies::VARCHAR
        WHEN 'wire' THEN wire IS NOT NULL
        WHEN 'own' THEN wire IS NULL
        WHEN 'syndicated' THEN story_group IN (SELECT story_id FROM syndication)
        ELSE TRUE
      END
ORDER BY coverage_date DESC, outlet_label, article_id
