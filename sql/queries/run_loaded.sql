-- what one run committed: its articles and their paragraphs, counted from the warehouse
-- (a run stopped between a batch's load and its count still says what it loaded)
SELECT
    count(DISTINCT a.article_id) AS articles_loaded,
    count(p.paragraph_id) AS paragraphs_loaded,
    count(DISTINCT a.file_id) AS files_new
FROM articles AS a
LEFT JOIN paragraphs AS p USING (article_id)
WHERE a.run_id = $run_id;
