-- their per-article actor totals go with them
DELETE FROM article_actors WHERE article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
);
