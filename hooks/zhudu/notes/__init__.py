"""Reading seeds/: front matter into one schema, the dialects' body syntax, bounds and sanitising of untrusted input, links between notes, remote images."""
