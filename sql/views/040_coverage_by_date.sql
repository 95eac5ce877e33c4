-- one row per coverage_date (publication date, else capture date)
CREATE OR REPLACE VIEW coverage_by_date AS
SELECT
    coverage_date,
    count(*) AS n_articles,
    count(DISTINCT outlet_label) AS n_outlets,
    count(*) FILTER (WHERE coverage_date_source = 'captured_at') AS n_dated_by_capture
FROM counted_articles
GROUP BY coverage_date;
