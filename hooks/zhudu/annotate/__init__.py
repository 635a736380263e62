"""Annotating a note while it renders: passage anchors, editor's notes, glossary marks, and the no-break glue around them (Markdown extensions)."""
