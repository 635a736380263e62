"""Writing the site: every page in every variant, the dirty-build plan, home and section pages, feeds, sitemaps, social tags, the 404 page, forked writers."""
