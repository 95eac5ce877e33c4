-- the base articles that mention any of the chosen actors (none = no condition) and have,
-- for every search pattern (regular expressions, one per word or phrase, matched ignoring
-- case; $keys: the text each one needs, newsdesk/explore.py search_keys), a paragraph it
-- matches; newest first
WITH candidates AS (
    -- one pass over the paragraphs: those containing a pattern's key ($keys: text each
    -- pattern needs, a cheap substring test), then all patterns at once on those; each is
    -- then tried on the few paragraphs that matched one
    SELECT article_id, text
    FROM paragraphs
    WHERE len($patterns::VARCHAR[]) > 0
      AND list_bool_or(list_transform($keys::VARCHAR[], k -> contains(lower(text), lower(k))))
      AND regexp_matches(text, '(?i)(?:' || array_to_string($patterns::VARCHAR[], '|') || ')')
),
hits AS (
    SELECT
        article_id,
        unnest(list_transform($patterns::VARCHAR[], x -> regexp_matches(text, '(?i)' || x))) AS hit,
        unnest(range(len($patterns::VARCHAR[]))) AS term
    FROM candidates
),
searched AS (
    -- one pattern: the paragraphs that matched it are the answer
    SELECT DISTINCT article_id
    FROM candidates
    WHERE len($patterns::VARCHAR[]) = 1
    UNION ALL
    SELECT article_id
    FROM hits
    WHERE hit AND len($patterns::VARCHAR[]) > 1
    GROUP BY article_id
    HAVING count(DISTINCT term) = len($patterns::VARCHAR[])
)
SELECT base.*
FROM base
WHERE (
        len($actors::VARCHAR[]) = 0
        OR EXISTS (
            SELECT 1
            FROM article_actors AS aa
            WHERE aa.article_id = base.article_id
              AND list_contains($actors::VARCHAR[], aa.actor_id)
        )
      )
  AND (len($patterns::VARCHAR[]) = 0 OR base.article_id IN (SELECT article_id FROM searched))
ORDER BY base.coverage_date DESC, base.outlet, base.article_id
