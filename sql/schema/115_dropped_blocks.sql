-- one row per prose-like block of a loaded file that no article kept, with why: text that
-- leaves the pipeline leaves with a recorded reason
CREATE TABLE IF NOT EXISTS dropped_blocks (
    file_id      VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,
    line         INTEGER NOT NULL,   -- 0-based line of the decoded page
    reason       VARCHAR NOT NULL,   -- before_article / article_header / after_article / a rule's name
    n_words      INTEGER NOT NULL,
    text         VARCHAR NOT NULL
);
