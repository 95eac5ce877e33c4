-- the re-signed articles' signatures under the current scheme
INSERT INTO article_signatures BY NAME
SELECT * FROM incoming_signatures;
