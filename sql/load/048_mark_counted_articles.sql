-- which articles coverage counts, again for every copy group this batch touched: those it
-- added to, relabelled, retired or reinstated articles of (and those relabelled ones left)
INSERT INTO touched_copy_groups
SELECT coalesce(near_duplicate_group, article_id)
FROM articles
WHERE article_id IN (SELECT article_id FROM incoming_articles)
   OR article_id IN (SELECT article_id FROM incoming_near_labels)
   OR file_id IN (SELECT file_id FROM incoming_superseded)
   OR file_id IN (SELECT file_id FROM incoming_reinstated);

UPDATE articles
SET is_counted = flags.counted
FROM counted_flags(touched_copy_groups) AS flags
WHERE articles.article_id = flags.article_id
  AND articles.is_counted IS DISTINCT FROM flags.counted;

DROP TABLE touched_copy_groups;
