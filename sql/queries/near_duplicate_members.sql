-- the stored articles whose near-duplicate labels a batch may change, with the labels they
-- have and the similarity to the copy they point at: those in touched_articles (a new
-- article is alike), those of touched_files (superseded or reinstated) and the articles
-- these have pairs with, and every article sharing a story with any of them.
-- With $whole_stories false, instead of every article of those stories only the first ones
-- their copy groups and stories are named after and the copies they point at: enough to
-- label a batch that renames no cluster (flows/shaping.py tries this first; a story can hold
-- thousands of articles)
-- Each source is its own IN: DuckDB hashes an IN's subquery (the batch's few ids) and
-- streams the stored articles past it, where a semi join with one union of them, whose size
-- it overestimates, hashed every stored article instead.
WITH of_files AS (
    SELECT article_id FROM articles WHERE file_id IN (SELECT file_id FROM touched_files)
),
named_articles AS (
    SELECT article_id, story_group, near_duplicate_group, near_duplicate_of
    FROM articles
    WHERE article_id IN (SELECT article_id FROM touched_articles)
        OR article_id IN (SELECT article_id FROM of_files)
        OR article_id IN (
            SELECT other_id FROM near_duplicate_pairs
            WHERE article_id IN (SELECT article_id FROM of_files)
        )
        OR article_id IN (
            SELECT article_id FROM near_duplicate_pairs
            WHERE other_id IN (SELECT article_id FROM of_files)
        )
),
stories AS (
    SELECT DISTINCT story_group FROM named_articles WHERE story_group IS NOT NULL
),
heads AS (
    SELECT story_group AS article_id FROM named_articles
    UNION
    SELECT near_duplicate_group FROM named_articles
    UNION
    SELECT near_duplicate_of FROM named_articles
),
-- the members are picked before the pairs are joined: joined first, DuckDB hashed every
-- stored article too
members AS (
    SELECT *
    FROM articles
    WHERE article_id IN (SELECT article_id FROM named_articles)
        OR ($whole_stories AND story_group IN (SELECT story_group FROM stories))
        OR (NOT $whole_stories AND article_id IN (SELECT article_id FROM heads))
)
SELECT
    a.article_id,
    a.file_id,
    a.outlet,
    a.captured_at,
    a.is_current,
    a.story_group AS story,
    a.near_duplicate_group AS "group",
    a.near_duplicate_of AS copy_of,
    p.similarity
FROM members AS a
LEFT JOIN near_duplicate_pairs AS p
    ON p.article_id = least(a.article_id, a.near_duplicate_of)
    AND p.other_id = greatest(a.article_id, a.near_duplicate_of)
ORDER BY a.article_id;
