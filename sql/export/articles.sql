-- one row per article, for Parquet partitioned by coverage_date
SELECT * FROM articles;
