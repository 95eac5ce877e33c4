-- the re-signed articles' LSH band keys
INSERT INTO article_bands BY NAME
SELECT * FROM incoming_bands;
