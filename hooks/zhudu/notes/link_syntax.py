"""The kind of link an author wrote, named for the link-resolution table (``resolve.Resolution.syntax``)."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from zhudu.notes.note_refs import NoteRef


def syntax_of(ref: NoteRef) -> str:
    """The kind of link an author wrote, for the link-resolution table."""
    written = ref.written
    if written.startswith("![["):
        return "Obsidian embed ![[…]]"
    if written.startswith("[["):
        return "Obsidian [[wikilink]]"
    if m := re.search(r"\{%-?\s*(\w+)", written):  # after a ``{{ site.baseurl }}`` too
        return "{% " + m[1] + " %}"
    if m := re.match(r"\{\{[<%]\s*(\w+)", written):
        return "{{< " + m[1] + " >}}"
    path = urlsplit(written).path
    if path.startswith("/"):
        return "Markdown link, site-absolute path"
    suffix = posixpath.splitext(path.rstrip("/"))[1].lower()
    if suffix in (".md", ".markdown", ".txt"):
        return "Markdown link to a note file"
    if suffix in (".html", ".htm"):
        return "Markdown link to an .html page"
    return "Markdown link, path without extension"
