-- this chunk's articles are derived with the current registry
INSERT OR REPLACE INTO actor_derivations BY NAME SELECT * FROM incoming_derived;
