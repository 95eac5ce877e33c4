-- one row per name that no registry alias covers, most frequent first: what to add next
CREATE OR REPLACE VIEW unresolved_names AS
SELECT
    c.surface,
    count(*) AS n_mentions,
    count(DISTINCT c.article_id) AS n_articles,
    min(c.paragraph_id) AS example_paragraph_id,
    left(any_value(p.text), 200) AS example_text
FROM name_candidates AS c
JOIN paragraphs AS p USING (paragraph_id)
GROUP BY c.surface;
