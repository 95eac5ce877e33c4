-- the changes go into the totals; a pair no counted article of an outlet names any more
-- leaves them
INSERT INTO co_mention_totals
SELECT actor_a_id, actor_b_id, outlet_label, n_articles, n_paragraphs
FROM co_mention_delta
ON CONFLICT (actor_a_id, actor_b_id, outlet_label) DO UPDATE SET
    n_articles = co_mention_totals.n_articles + excluded.n_articles,
    n_paragraphs = co_mention_totals.n_paragraphs + excluded.n_paragraphs;

DELETE FROM co_mention_totals WHERE n_articles = 0;

DROP TABLE co_mention_delta;
