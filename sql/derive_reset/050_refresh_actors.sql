-- the registry's actors mirror the registry file (discovered actors stay: their mentions
-- are re-derived with the articles, and those left with none go below)
DELETE FROM actors WHERE source = 'registry';
INSERT INTO actors BY NAME SELECT * FROM incoming_actors;
