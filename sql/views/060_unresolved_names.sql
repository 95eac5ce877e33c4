-- one row per name no registry entry covers, most mentioned first: what a curator adds,
-- merges or blocks next (`newsdesk actors`). Recognised names are discovered actors (their
-- mentions count in every view already); names announced in the text ("said Jane Roe")
-- that neither the registry nor recognition took are listed with no actor_id.
CREATE OR REPLACE VIEW unresolved_names AS
WITH discovered AS (
    -- from the per-article totals (one row per article and actor), not the mentions
    SELECT
        aa.actor_id,
        sum(aa.n_mentions)::BIGINT AS n_mentions,
        count(*) AS n_articles,
        min(aa.first_paragraph_id) AS example_paragraph_id
    FROM article_actors AS aa
    JOIN actors AS a USING (actor_id)
    WHERE a.source = 'discovered'
    GROUP BY aa.actor_id
),
announced AS (
    SELECT
        c.surface,
        count(*) AS n_mentions,
        count(DISTINCT c.article_id) AS n_articles,
        min(c.paragraph_id) AS example_paragraph_id
    FROM name_candidates AS c
    GROUP BY c.surface
)
SELECT
    a.name AS surface,
    d.n_mentions,
    d.n_articles,
    d.example_paragraph_id,
    left(p.text, 200) AS example_text,
    d.actor_id,
    a.type
FROM discovered AS d
JOIN actors AS a USING (actor_id)
JOIN paragraphs AS p ON p.paragraph_id = d.example_paragraph_id
UNION ALL
SELECT
    n.surface,
    n.n_mentions,
    n.n_articles,
    n.example_paragraph_id,
    left(p.text, 200) AS example_text,
    NULL AS actor_id,
    NULL AS type
FROM announced AS n
JOIN paragraphs AS p ON p.paragraph_id = n.example_paragraph_id;
