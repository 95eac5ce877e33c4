-- Short lines of text pages, by site (the URL's host), with how many loaded files printed
-- them: a line on two or more files of a site is its chrome (transforms/site_chrome.py).
-- Lines seen once are kept for the most recent pages of each site only (see
-- sql/load/076_prune_site_lines.sql); recurring lines are kept.
CREATE TABLE IF NOT EXISTS site_lines (
    line_key BIGINT PRIMARY KEY,  -- of the site and the line's text, case and spaces folded
    site VARCHAR NOT NULL,
    line VARCHAR NOT NULL,  -- one spelling of it
    files INTEGER NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
