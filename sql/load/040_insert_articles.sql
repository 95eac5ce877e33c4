-- articles of this batch's loaded files, numbered on from the highest article_no (see
-- sql/schema/030_articles.sql)
INSERT INTO articles BY NAME
SELECT
    i.*,
    (SELECT coalesce(max(article_no), 0) FROM articles)
        + row_number() OVER (ORDER BY i.captured_at, i.article_id) AS article_no
FROM incoming_articles AS i
ANTI JOIN articles AS t USING (article_id);
