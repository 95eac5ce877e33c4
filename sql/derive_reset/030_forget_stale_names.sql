-- name candidates found with an older registry are found again
DELETE FROM name_candidates WHERE article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
);
