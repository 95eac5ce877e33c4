-- and leave the articles the totals hold
DELETE FROM co_mention_sources WHERE article_id IN (
    SELECT article_id FROM actor_derivations WHERE registry_version <> $version
);
