-- and so do the pairs of actors their paragraphs named
DELETE FROM article_actor_pairs WHERE article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
);
