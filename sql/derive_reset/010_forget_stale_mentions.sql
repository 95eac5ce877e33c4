-- mentions derived with an older registry are derived again
DELETE FROM mentions WHERE article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
);
