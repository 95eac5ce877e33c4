-- one row per (outlet, speaker): quotations an outlet gave a speaker, and their share of
-- all the quotations it printed (unresolved speakers grouped as 'unattributed')
CREATE OR REPLACE VIEW quote_share AS
WITH outlet_quotes AS (
    SELECT
        a.outlet_label AS outlet,
        coalesce(actors.name, q.speaker_surface, 'unattributed') AS speaker,
        q.speaker_actor_id,
        q.quote_id
    FROM quotes AS q
    JOIN counted_articles AS a USING (article_id)
    LEFT JOIN actors ON actors.actor_id = q.speaker_actor_id
)
SELECT
    outlet,
    speaker,
    any_value(speaker_actor_id) AS speaker_actor_id,
    count(*) AS n_quotes,
    count(*) / sum(count(*)) OVER (PARTITION BY outlet) AS share_of_outlet_quotes
FROM outlet_quotes
GROUP BY outlet, speaker;
