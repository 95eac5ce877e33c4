-- the base articles that mention any of the chosen actors (none = no condition) and have,
-- for every search term, a paragraph it matches (ignoring case); newest first.
-- $terms: each term's text; $patterns: its regular expression; $keys: its longest word,
-- text a paragraph it matches contains (newsdesk/explore.py search_terms)
WITH terms AS (
    -- each term's words (words_of, the index's words), and whether it is one whole word:
    -- then the index answers it alone; a phrase, or a word with punctuation ("U.S."), has
    -- its pattern tried on the paragraphs of the articles holding its words
    SELECT
        i AS term,
        list_distinct(words_of(($terms::VARCHAR[])[i])) AS words,
        words_of(($terms::VARCHAR[])[i]) = [lower(($terms::VARCHAR[])[i])] AS whole_word
    FROM range(1, len($terms::VARCHAR[]) + 1) AS numbers(i)
),
plan AS (
    SELECT
        count(*) FILTER (WHERE len(words) > 0) AS n_indexed,
        -- bit i-1 for the i-th term: those the index answered alone, and all of them
        coalesce(sum(1::UBIGINT << (term - 1)::INTEGER) FILTER (WHERE whole_word), 0)::UBIGINT
            AS answered,
        coalesce(sum(1::UBIGINT << (term - 1)::INTEGER), 0)::UBIGINT AS every_term,
        list(NOT whole_word ORDER BY term) AS to_try
    FROM terms
),
holding AS (
    -- per term, the articles holding each of its words: the index's rows of those words
    SELECT term_words.term, article_words.article_no
    FROM article_words
    JOIN (SELECT term, unnest(words) AS word, len(words) AS n_words FROM terms) AS term_words
        USING (word)
    GROUP BY term_words.term, article_words.article_no, term_words.n_words
    HAVING count(DISTINCT article_words.word) = term_words.n_words
),
candidates AS (
    -- the base articles holding the words of every term (a term with none, like "#", has
    -- no words to look up: any article may match it)
    SELECT base.article_id, base.article_no
    FROM base, plan
    WHERE len($terms::VARCHAR[]) > 0
      AND (
            plan.n_indexed = 0
            OR base.article_no IN (
                SELECT article_no FROM holding
                GROUP BY article_no
                HAVING count(*) = (SELECT n_indexed FROM plan)
            )
          )
),
paragraph_bits AS (
    -- the candidates' paragraphs, for the terms not answered by the index: the terms each
    -- matches, as bits of one number (bit i-1 for the i-th; newsdesk/explore.py
    -- SEARCH_TERMS_MAX keeps them within its 64), so that an article's paragraphs combine
    -- by one bitwise OR. A pattern is tried only where its key is. The first eight are each
    -- named by a constant index, so each regular expression is compiled once; a pattern
    -- taken from the list per row (in a lambda) is compiled per row, so only a longer
    -- search's later terms pay that
    SELECT
        article_id,
        (
            CASE WHEN NOT coalesce(to_try[1], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[1])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[1]) THEN 1 ELSE 0 END
          | CASE WHEN NOT coalesce(to_try[2], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[2])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[2]) THEN 2 ELSE 0 END
          | CASE WHEN NOT coalesce(to_try[3], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[3])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[3]) THEN 4 ELSE 0 END
          | CASE WHEN NOT coalesce(to_try[4], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[4])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[4]) THEN 8 ELSE 0 END
          | CASE WHEN NOT coalesce(to_try[5], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[5])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[5]) THEN 16 ELSE 0 END
          | CASE WHEN NOT coalesce(to_try[6], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[6])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[6]) THEN 32 ELSE 0 END
          | CASE WHEN NOT coalesce(to_try[7], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[7])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[7]) THEN 64 ELSE 0 END
          | CASE WHEN NOT coalesce(to_try[8], FALSE) THEN 0
                 WHEN NOT contains(lowered, lower(($keys::VARCHAR[])[8])) THEN 0
                 WHEN regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[8]) THEN 128 ELSE 0 END
        )::UBIGINT
        | CASE WHEN len(to_try) > 8 THEN list_sum(list_transform(
            range(8, len(to_try)),
            i -> CASE WHEN to_try[i + 1]
                       AND contains(lowered, lower(($keys::VARCHAR[])[i + 1]))
                       AND regexp_matches(text, '(?i)' || ($patterns::VARCHAR[])[i + 1])
                      THEN 1::UBIGINT << i::INTEGER ELSE 0::UBIGINT END
          )) ELSE 0 END::UBIGINT AS bits
    FROM (
        SELECT article_id, text, lower(text) AS lowered
        FROM paragraphs
        -- none when the index answered every term: the paragraphs are then not read
        SEMI JOIN (
            SELECT article_id FROM candidates WHERE (SELECT list_bool_or(to_try) FROM plan)
        ) AS trying USING (article_id)
    ), plan
),
searched AS (
    -- by the articles' numbers, which the base is kept by below faster than by their ids
    SELECT article_no
    FROM candidates
    WHERE NOT (SELECT coalesce(list_bool_or(to_try), FALSE) FROM plan)
    UNION ALL
    SELECT candidates.article_no
    FROM candidates
    SEMI JOIN (
        SELECT article_id
        FROM paragraph_bits
        GROUP BY article_id
        HAVING bit_or(bits) | (SELECT answered FROM plan) = (SELECT every_term FROM plan)
    ) AS matching USING (article_id)
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
                SELECT actor_no FROM actor_keys
                WHERE list_contains($actors::VARCHAR[], actor_id)
            ) AS chosen USING (actor_no)
        )
      )
  AND (len($terms::VARCHAR[]) = 0 OR base.article_no IN (SELECT article_no FROM searched))
ORDER BY base.coverage_date DESC, base.outlet, base.article_id
