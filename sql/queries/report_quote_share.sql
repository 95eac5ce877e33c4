-- the most quoted speakers per outlet
SELECT outlet, speaker, n_quotes, round(100 * share_of_outlet_quotes, 1) AS pct_of_outlet_quotes
FROM quote_share
WHERE speaker <> 'unattributed'
ORDER BY n_quotes DESC, outlet, speaker
LIMIT 25;
