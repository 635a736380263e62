"""Chinese search: per-page records folded across scripts and regions, and the sharded index files the browser fetches."""
