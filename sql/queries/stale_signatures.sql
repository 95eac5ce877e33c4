-- one row per article whose signature was made under another scheme than $scheme
SELECT article_id FROM article_signatures
WHERE scheme IS DISTINCT FROM $scheme
ORDER BY article_id;
