"""Themes: themes.yml matched against every passage, the theme pages and panels, and suggestions for new themes."""
