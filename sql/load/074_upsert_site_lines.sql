-- The batch's loaded text pages add to their sites' line counts; a file is counted once
-- (its bytes are then in the ledger and never read again).
INSERT INTO site_lines BY NAME
SELECT * FROM incoming_site_lines
ON CONFLICT (line_key) DO UPDATE SET
    files = site_lines.files + excluded.files,
    last_seen_at = greatest(site_lines.last_seen_at, excluded.last_seen_at);
