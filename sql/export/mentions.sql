-- one row per mention with its article's coverage_date, for Parquet partitioned by it
SELECT t.*, a.coverage_date
FROM mentions AS t
JOIN articles AS a USING (article_id);
