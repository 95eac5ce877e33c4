-- the stored articles whose near-duplicate labels a batch may change, with the labels they
-- have and the similarity to the copy they point at: those in touched_articles (a new
-- article is alike), those of touched_files (superseded or reinstated) and the articles
-- these have pairs with, and every article sharing a story with any of them.
-- With $whole_stories false, instead of every article of those stories only the first ones
-- their copy groups and stories are named after and the copies they point at: enough to
-- label a batch that renames no cluster (flows/shaping.py tries this first; a story can hold
-- thousands of articles)
WITH of_files AS (
    SELECT article_id FROM articles WHERE file_id IN (SELECT file_id FROM touched_files)
),
named AS (
    SELECT article_id FROM touched_articles
    UNION
    SELECT article_id FROM of_files
    UNION
    SELECT p.other_id FROM near_duplicate_pairs AS p JOIN of_files USING (article_id)
    UNION
    SELECT p.article_id FROM near_duplicate_pairs AS p JOIN of_files AS f ON p.other_id = f.article_id
),
stories AS (
    SELECT DISTINCT a.story_group
    FROM articles AS a
    JOIN named USING (article_id)
    WHERE a.story_group IS NOT NULL
),
heads AS (
    SELECT a.story_group AS article_id FROM articles AS a JOIN named USING (article_id)
    UNION
    SELECT a.near_duplicate_group FROM articles AS a JOIN named USING (article_id)
    UNION
    SELECT a.near_duplicate_of FROM articles AS a JOIN named USING (article_id)
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
FROM articles AS a
LEFT JOIN near_duplicate_pairs AS p
    ON p.article_id = least(a.article_id, a.near_duplicate_of)
    AND p.other_id = greatest(a.article_id, a.near_duplicate_of)
WHERE a.article_id IN (SELECT article_id FROM named)
    OR ($whole_stories AND a.story_group IN (SELECT story_group FROM stories))
    OR (NOT $whole_stories AND a.article_id IN (SELECT article_id FROM heads))
ORDER BY a.article_id;
