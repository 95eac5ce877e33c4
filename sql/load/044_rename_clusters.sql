-- copy groups and stories this batch renamed (joined to another, or given an older first
-- article): every stored article of one takes its new name; the articles the batch read
-- and relabelled get theirs next (045). A renamed copy group joins one a new article of the
-- batch is in, so its counted flags are worked out again with that one (048).
UPDATE articles
SET near_duplicate_group = r.new_label
FROM incoming_cluster_renames AS r
WHERE r.kind = 'group' AND articles.near_duplicate_group = r.old_label;

UPDATE articles
SET story_group = r.new_label
FROM incoming_cluster_renames AS r
WHERE r.kind = 'story' AND articles.story_group = r.old_label;
