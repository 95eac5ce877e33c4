-- the whole ingest_runs table (small: written unpartitioned)
SELECT * FROM ingest_runs;
