-- the whole quarantine table (small: written unpartitioned)
SELECT * FROM quarantine;
