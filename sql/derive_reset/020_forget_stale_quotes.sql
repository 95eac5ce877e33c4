-- quotes derived with an older registry are derived again
DELETE FROM quotes WHERE article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
);
