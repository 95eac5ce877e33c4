-- How many loaded files each site's short lines were on: what extraction learns chrome from.
SELECT line_key, files FROM site_lines;
