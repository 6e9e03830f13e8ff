"""Permission predicates of the tahunan pages (registered in `SkpConfig.ready()`)."""
