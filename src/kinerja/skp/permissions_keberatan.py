"""Permission predicates of the keberatan pages (registered in `SkpConfig.ready()`)."""
