-- the whole actors table (small: written unpartitioned)
SELECT * FROM actors;
