-- actor_co_mentions' counts, kept up to date as articles come, go and are re-derived (the
-- sql/co_mentions/ statements, once per run after its derivations are reset and once after
-- its re-derived articles): one row per pair of actors and outlet
CREATE TABLE IF NOT EXISTS co_mention_totals (
    actor_a_id    VARCHAR NOT NULL,
    actor_b_id    VARCHAR NOT NULL,
    outlet_label  VARCHAR NOT NULL,
    n_articles    BIGINT NOT NULL,  -- counted articles with a paragraph naming both
    n_paragraphs  BIGINT NOT NULL,  -- their paragraphs naming both
    PRIMARY KEY (actor_a_id, actor_b_id, outlet_label)
);

-- the articles (under their outlet label) whose pairs the totals hold
CREATE TABLE IF NOT EXISTS co_mention_sources (
    article_id    VARCHAR NOT NULL,
    outlet_label  VARCHAR NOT NULL
);
