-- the articles this batch loads are derived with the registry their worker used
INSERT OR REPLACE INTO actor_derivations BY NAME
SELECT * FROM incoming_derived
WHERE article_id IN (SELECT article_id FROM incoming_articles);
