-- what those articles' pairs add to or take from each (pair, outlet) total
CREATE OR REPLACE TEMP TABLE co_mention_delta AS
SELECT
    pairs.actor_a_id,
    pairs.actor_b_id,
    changed.outlet_label,
    sum(changed.sign) AS n_articles,
    sum(changed.sign * pairs.n_paragraphs) AS n_paragraphs
FROM co_mention_changed_articles AS changed
JOIN article_actor_pairs AS pairs USING (article_id)
GROUP BY ALL;
