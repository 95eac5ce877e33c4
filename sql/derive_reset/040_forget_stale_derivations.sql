-- the derivation ledger forgets articles derived with an older registry
DELETE FROM actor_derivations WHERE registry_version <> $version;
