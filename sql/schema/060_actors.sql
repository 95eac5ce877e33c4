-- one row per canonical actor (person, organisation or place)
CREATE TABLE IF NOT EXISTS actors (
    actor_id  VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    type      VARCHAR NOT NULL,   -- person / organization / place
    aliases   VARCHAR[] NOT NULL,
    country   VARCHAR,
    role      VARCHAR
);
