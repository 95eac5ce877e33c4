-- the names of the actors in $actor_ids, in that order
SELECT actors.name
FROM unnest($actor_ids::VARCHAR[]) WITH ORDINALITY AS chosen(actor_id, ord)
JOIN actors USING (actor_id)
ORDER BY chosen.ord
