-- the actors table mirrors the registry file
DELETE FROM actors;
INSERT INTO actors BY NAME SELECT * FROM incoming_actors;
