-- the batch's new pairs of alike articles (a re-run after a crash finds them again)
INSERT INTO near_duplicate_pairs BY NAME
SELECT i.*
FROM incoming_near_duplicate_pairs AS i
ANTI JOIN near_duplicate_pairs AS p USING (article_id, other_id);
