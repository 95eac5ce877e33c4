-- A line seen on one file only is kept for the site's latest pages: chrome is on nearly
-- every page of a site, so the most recent lines find it again, and the table stays a few
-- thousand rows per site however many files come.
DELETE FROM site_lines
WHERE line_key IN (
    SELECT line_key
    FROM (
        SELECT
            line_key,
            row_number() OVER (PARTITION BY site ORDER BY last_seen_at DESC, line_key) AS recency
        FROM site_lines
        WHERE files = 1 AND site IN (SELECT DISTINCT site FROM incoming_site_lines)
    )
    WHERE recency > $site_lines_kept
);
