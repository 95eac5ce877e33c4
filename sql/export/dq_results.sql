-- the whole dq_results table (small: written unpartitioned)
SELECT * FROM dq_results;
