-- earlier articles that this batch holds their first copies of: labelled as copies in one
-- batch are (a label an article already has is kept)
UPDATE articles
SET near_duplicate_of = coalesce(articles.near_duplicate_of, e.near_duplicate_of),
    near_duplicate_group = coalesce(articles.near_duplicate_group, e.near_duplicate_group),
    story_group = coalesce(articles.story_group, e.story_group)
FROM incoming_earlier_copies AS e
WHERE articles.article_id = e.article_id;
