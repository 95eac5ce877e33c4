-- the whole source_files table (small: written unpartitioned)
SELECT * FROM source_files;
