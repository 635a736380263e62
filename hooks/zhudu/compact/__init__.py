"""Keeping the site small: theme files no page loads left out, templates written without their indentation."""
