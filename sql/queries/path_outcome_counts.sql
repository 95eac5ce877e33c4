-- how many paths under the seeds folder came to each outcome
SELECT outcome, count(*) AS paths
FROM path_outcomes
GROUP BY outcome
ORDER BY paths DESC, outcome;
