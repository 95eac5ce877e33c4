-- the copy groups that articles relabelled by this batch leave: their first capture may
-- change, so their counted flags are worked out again (048) with the groups they join
CREATE OR REPLACE TEMP TABLE touched_copy_groups AS
SELECT coalesce(near_duplicate_group, article_id) AS group_key
FROM articles
WHERE article_id IN (SELECT article_id FROM incoming_near_labels);
