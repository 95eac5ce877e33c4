-- actor_co_mentions' counts, kept up to date as articles come, go and are re-derived (the
-- sql/co_mentions/ statements at the end of every run and of every re-derived chunk): one
-- row per pair of actors and outlet
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

-- changes to the totals on their way in: filled and emptied inside one transaction
CREATE TABLE IF NOT EXISTS co_mention_delta (
    actor_a_id    VARCHAR NOT NULL,
    actor_b_id    VARCHAR NOT NULL,
    outlet_label  VARCHAR NOT NULL,
    n_articles    BIGINT NOT NULL,
    n_paragraphs  BIGINT NOT NULL
);
