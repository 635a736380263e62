"""What a note's render depends on in the editorial files, keyed by what the files say, not their bytes.

A note's render is reused while its key holds (``cache.NoteRenders``).  Keying it by the bytes of
every editorial file made a comment in ``glossary.yml`` re-render every note.  Instead:

* ``glossary.yml``: a note's key holds only the terms that can occur in it (a term's form, folded
  and without whitespace, is in the note's folded Markdown without whitespace), sorted (no two
  forms may fold alike, so the glossary's order does not matter), without their line numbers (nothing in a note's render names them).  A term is found in the
  rendered text only where it is in the source (Markdown does not write Han text of its own; HTML
  entities and backslash escapes are undone before looking), so a term absent from the source
  cannot change the render.  Editing a term re-renders the notes that contain it.
* ``annotations.yml``: only the note's own editor's notes (with their lines: a note's problem box
  and warnings name them) and the file's name.
* ``themes.yml``: not at all (themes are matched after rendering, from the passages).
* ``notes.yml``: only the note's own entry, without its lines.  What else of the file a render can
  show reaches it through the Markdown, which is in the key (``cache.NoteRenders``): the titles and
  slugs of the notes it links to are written into its links, and a problem with its entry (naming
  the line) into its problem box.  Its title, tags and description are shown by the page's
  template, which is not the render.  Editing one note's title re-renders that note and the notes
  whose links show the title.
* ``conversion.yml``: only the rules a render can meet (``script/rule_scope.py``): the protected
  terms found in its Markdown or the other editorial files, and the default variant's punctuation.
  Editing a protected term re-renders the notes containing it; a phrase rule re-renders nothing
  (renders fold Traditional text only, and phrases apply to Simplified text).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zhudu import cache, serving
from zhudu.annotate import annotations, textmarks
from zhudu.annotate.glossary import Glossary
from zhudu.notes.yamldoc import yaml_document

#: Keyed per note (``note_key``) or not a render input at all.
PER_NOTE_FILES = frozenset({"glossary.yml", "annotations.yml", "themes.yml", "notes.yml", "conversion.yml"})

_SPACE_RE = re.compile(r"\s+")


def editorial_digest(paths: Iterable[Path]) -> str:
    """The editorial files every note's render depends on, by parsed content (bytes when unparsable)."""
    parts: list[str | bytes] = []
    for path in sorted(paths):
        if path.name in PER_NOTE_FILES:
            continue
        parts.append(path.name)
        try:
            data = path.read_bytes()
        except OSError:
            parts.append("missing")
            continue
        parts.append(_meaning(data))
    return cache.digest(*parts)


def _meaning(data: bytes) -> str | bytes:
    """The parsed document (mapping order kept: it may matter), or the bytes when it does not parse."""
    try:
        _, value = yaml_document(data.decode("utf-8-sig"))
        return json.dumps(value, ensure_ascii=False, default=repr)
    except Exception:  # any error: the loader reports it; the key falls back to the bytes
        return data


def note_key(
    source_digest: str,
    note_id: str,
    markdown: str,
    glossary: Glossary,
    fold: textmarks.CharFold,
    editor_notes: Any,
    override: Any = None,
    facts: dict[Any, Any] | None = None,
) -> str:
    """``source_digest`` with the glossary terms, editor's notes and ``notes.yml`` entry of this note.

    Args:
        source_digest: The digest of the note's file.
        note_id: The note.
        markdown: What MkDocs renders for it.
        glossary: The glossary of this build.
        fold: The glossary's character folding.
        editor_notes: The build's ``AnnotationExtension`` (``by_note``, ``path``).
        override: The note's entry in ``notes.yml`` (None: it has none).
        facts: Values kept for this very Markdown string (``serving.Remembered.facts``).
    """
    forms, order = _term_forms(glossary, fold)
    own = editor_notes.by_note.get(note_id, ())
    if not forms and not own and not override:
        return source_digest
    terms = _present(forms, order, markdown, fold, facts) if forms else ""
    entry = json.dumps(override, ensure_ascii=False, sort_keys=True, default=repr) if override else ""
    parts = (source_digest, terms, editor_notes.path if own else "", repr(own), entry)
    # Serve: an unchanged note's parts are the last save's (most of them the same strings): its
    # key is not hashed again (every note's was, on every save).
    if facts is not None and (kept := facts.get("note key")) is not None and kept[0] == parts:
        return kept[1]  # type: ignore[no-any-return]
    found = cache.digest(*parts)
    if facts is not None:
        facts["note key"] = (parts, found)
    return found


def _present(
    forms: tuple[tuple[str, str], ...],
    order: Any,
    markdown: str,
    fold: textmarks.CharFold,
    facts: dict[Any, Any] | None = None,
) -> str:
    """The entries (their ``repr``, sorted) whose forms occur in ``markdown``.

    Under ``mkdocs serve`` the answer is kept for the next build (in ``facts``, this very string's,
    or ``serving.ARTIFACTS``, by the glossary's forms and the Markdown): folding every unchanged
    note's Markdown again was most of what reading it cost.
    """
    forms_digest = _FORMS[3] if _FORMS[2] is not None and forms is _FORMS[2][0] else cache.digest(repr(forms))
    if facts is not None:  # the last glossary's answer only: editing it does not pile answers up
        kept = facts.get("terms")
        if kept is None or kept[0] != forms_digest:
            kept = facts["terms"] = (forms_digest, _found(forms, order, markdown, fold))
        return str(kept[1])
    memo = (forms_digest + markdown) if annotations.serving() else None
    if memo is not None and (found := serving.ARTIFACTS.get("glossary-terms", memo)) is not None:
        return str(found)
    found = _found(forms, order, markdown, fold)
    if memo is not None:
        serving.ARTIFACTS.keep("glossary-terms", memo, found)
    return found


def _found(forms: tuple[tuple[str, str], ...], order: Any, markdown: str, fold: textmarks.CharFold) -> str:
    text = _SPACE_RE.sub("", fold.text(html.unescape(markdown).replace("\\", "")))
    return repr(sorted({entry for key, entry in forms if key and key in text}, key=order))


#: The last ``_term_forms`` asked for: (glossary, fold, its answer, the forms' digest).  Both are
#: made once per build and never change; hashing the whole glossary again for every note's key
#: (``functools.lru_cache``) was a third of the key's cost.
_FORMS: list[Any] = [None, None, None, ""]


def _term_forms(glossary: Glossary, fold: textmarks.CharFold) -> tuple[tuple[tuple[str, str], ...], Any]:
    """(folded form without whitespace, the term's entry without its line) per form; the entries' sort key.

    The sort key is None (the entries sorted: reordering the glossary re-renders nothing) unless
    two terms have forms that fold alike, when the later wins in ``TermMatcher`` and the order
    matters (the glossary refuses that; kept in glossary order anyway).
    """
    if glossary is _FORMS[0] and fold is _FORMS[1]:
        return _FORMS[2]  # type: ignore[no-any-return]
    forms = []
    term_of_form: dict[str, str] = {}
    order: dict[str, int] = {}
    clash = False
    for term in glossary.terms:
        entry = repr((term.id, term.term, term.aliases, term.explanation, term.source, term.source_title))
        order.setdefault(entry, len(order))
        for form in term.forms:
            key = textmarks.normalise(form, fold)
            clash = clash or term_of_form.setdefault(key, entry) != entry
            forms.append((_SPACE_RE.sub("", key), entry))
    found = tuple(forms), (order.__getitem__ if clash else None)
    _FORMS[:] = [glossary, fold, found, cache.digest(repr(found[0]))]
    return found
