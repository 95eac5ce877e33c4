-- earlier articles whose copy or story cluster this batch changed (a new copy joined it,
-- two clusters merged, one lost or regained an article): their labels as worked out again
UPDATE articles
SET near_duplicate_of = l.near_duplicate_of,
    near_duplicate_group = l.near_duplicate_group,
    story_group = l.story_group
FROM incoming_near_labels AS l
WHERE articles.article_id = l.article_id;
