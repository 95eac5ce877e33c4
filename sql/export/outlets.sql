-- the whole outlets table (small: written unpartitioned)
SELECT * FROM outlets;
