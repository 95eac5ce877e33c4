-- one row per canonical outlet (curated in transforms/data/outlets.csv, or first seen on a page)
CREATE TABLE IF NOT EXISTS outlets (
    outlet_id   VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    aliases     VARCHAR[] NOT NULL,
    is_curated  BOOLEAN NOT NULL
);
