-- articles derived with an older registry take their pairs out of the co-mention totals
-- before the pairs are forgotten below (sql/co_mentions/ applies the change)
INSERT INTO co_mention_delta
SELECT
    pairs.actor_a_id,
    pairs.actor_b_id,
    sources.outlet_label,
    -count(*),
    -sum(pairs.n_paragraphs)
FROM co_mention_sources AS sources
JOIN article_actor_pairs AS pairs USING (article_id)
WHERE sources.article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
)
GROUP BY ALL;
