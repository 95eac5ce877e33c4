-- one row per outlet (articles with no known outlet grouped as 'unknown')
CREATE OR REPLACE VIEW coverage_by_outlet AS
SELECT
    outlet_label AS outlet,
    count(*) AS n_articles,
    sum(n_paragraphs)::BIGINT AS n_paragraphs,
    sum(n_words)::BIGINT AS n_words,
    min(coverage_date) AS first_date,
    max(coverage_date) AS last_date
FROM counted_articles
GROUP BY outlet_label;
