-- the base articles that mention any of the chosen actors (none = no condition) and have,
-- for every search pattern (regular expressions, one per word or phrase, matched ignoring
-- case; $keys: the text each one needs, newsdesk/explore.py search_keys), a paragraph it
-- matches; newest first
WITH candidates AS (
    -- the paragraphs containing some pattern's key: a substring test, ~20x cheaper than a
    -- regular expression, in one pass over the paragraphs; a lone pattern is tried in the
    -- same pass, on those alone
    SELECT article_id, text
    FROM paragraphs
    WHERE len($patterns::VARCHAR[]) > 0
      AND list_bool_or(list_transform($keys::VARCHAR[], k -> contains(lower(text), lower(k))))
      AND (
            len($patterns::VARCHAR[]) > 1
            OR regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[1])
          )
),
found AS (
    -- more than one pattern: those each candidate matches, as bits of one number (bit i
    -- for the i-th; newsdesk/explore.py SEARCH_TERMS_MAX keeps them within its 64), so
    -- that an article's paragraphs combine by one bitwise OR. A pattern is tried only where
    -- its key is. The first eight are each named by a constant index, so each regular
    -- expression is compiled once; a pattern taken from the list per row (in a lambda) is
    -- compiled per row, seconds where a common word makes most paragraphs candidates, so
    -- only a longer search's later patterns pay that
    SELECT
        article_id,
        (
            CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[1])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[1]) THEN 1 ELSE 0 END
          | CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[2])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[2]) THEN 2 ELSE 0 END
          | CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[3])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[3]) THEN 4 ELSE 0 END
          | CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[4])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[4]) THEN 8 ELSE 0 END
          | CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[5])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[5]) THEN 16 ELSE 0 END
          | CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[6])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[6]) THEN 32 ELSE 0 END
          | CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[7])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[7]) THEN 64 ELSE 0 END
          | CASE WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[8])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[8]) THEN 128 ELSE 0 END
        )::UBIGINT
        | CASE WHEN len($patterns::VARCHAR[]) > 8 THEN list_sum(list_transform(
            range(8, len($patterns::VARCHAR[])),
            i -> CASE WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[i + 1])
                      THEN 1::UBIGINT << i::INTEGER ELSE 0::UBIGINT END
          )) ELSE 0 END::UBIGINT AS terms
    FROM (SELECT article_id, text, lower(text) AS lowered FROM candidates)
    WHERE len($patterns::VARCHAR[]) > 1
),
searched AS (
    -- one pattern: the candidates it matches are the answer
    SELECT DISTINCT article_id
    FROM candidates
    WHERE len($patterns::VARCHAR[]) = 1
    UNION ALL
    SELECT article_id
    FROM found
    GROUP BY article_id
    HAVING bit_or(terms) = (1::UBIGINT << len($patterns::VARCHAR[])::INTEGER) - 1
)
SELECT base.*
FROM base
WHERE (
        len($actors::VARCHAR[]) = 0
        OR base.article_no IN (
            -- by the articles' and actors' numbers, as sql/app/top_actors.sql
            SELECT article_no
            FROM article_actors
            SEMI JOIN (
                SELECT actor_no FROM actor_keys WHERE list_contains($actors::VARCHAR[], actor_id)
            ) AS chosen USING (actor_no)
        )
      )
  AND (len($patterns::VARCHAR[]) = 0 OR base.article_id IN (SELECT article_id FROM searched))
ORDER BY base.coverage_date DESC, base.outlet, base.article_id
