"""The glossary's terms: ``docs/editorial/glossary.yml`` read, checked and given stable anchors."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pymdownx.slugs import slugify

from zhudu.annotate import textmarks
from zhudu.editorial import load_yaml_with_lines
from zhudu.errors import EditorialError

GLOSSARY_FILE = "glossary.yml"
_FIELDS = ("id", "term", "aliases", "explanation", "source", "source_title")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_URL_RE = re.compile(r"^https?://[^\s<>\"]+$")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    term: str
    aliases: tuple[str, ...]
    explanation: str
    source: str | None
    source_title: str | None
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form that is marked: the term and its aliases."""
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    """The loaded glossary."""

    path: str
    terms: tuple[Term, ...] = ()

    def by_id(self) -> dict[str, Term]:
        """Terms keyed by id."""
        return {t.id: t for t in self.terms}


_slugify = slugify(case="lower")


def _default_id(term: str, fold: Callable[[str], str] = str) -> str:
    """A term's anchor: ASCII for a Latin term; else the slug of its Simplified form, Han kept.

    The same in every variant (anchors are never converted), and readable: ``#深度求索``.
    """
    ascii_id = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
    if ascii_id and term.isascii():
        return ascii_id
    slug = _slugify(fold(term), "-").strip("-")
    return slug or "g-" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:6]


def load_glossary(path: Path, display: str, fold: Callable[[str], str]) -> Glossary:
    """Read ``glossary.yml``: a list of entries; a missing file is an empty glossary.

    Args:
        path: The file.
        display: Its name in messages (relative to mkdocs.yml).
        fold: Folds text to the canonical script (to find duplicate forms across scripts).

    Raises:
        EditorialError: bad YAML or an invalid entry, naming its line.
    """
    if not path.is_file():
        return Glossary(path=display)
    data, lines = load_yaml_with_lines(path, display)
    if data is None:
        return Glossary(path=display)
    if not isinstance(data, list):
        raise EditorialError(display, 1, "expected a list of entries ('- term: …')")
    char_fold = textmarks.CharFold(fold)
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, int] = {}
    for i, entry in enumerate(data):
        line = lines.get((str(i),), 0)
        if not isinstance(entry, dict):
            raise EditorialError(display, line, "an entry must be 'term: …, explanation: …' lines")
        for key in entry:
            if key not in _FIELDS:
                raise EditorialError(
                    display,
                    lines.get((str(i), str(key)), line),
                    f"unknown field {key!r}; fields: {', '.join(_FIELDS)}",
                )
        term = entry.get("term")
        explanation = entry.get("explanation")
        if not isinstance(term, str) or not term.strip():
            raise EditorialError(display, line, "every entry needs 'term' (the form written in the notes)")
        if not isinstance(explanation, str) or not explanation.strip():
            raise EditorialError(
                display, line, f"{term}: 'explanation' is missing (1–3 sentences, Simplified Chinese)"
            )
        aliases = entry.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise EditorialError(
                display, lines.get((str(i), "aliases"), line), f"{term}: 'aliases' must be a list of strings"
            )
        source = entry.get("source")
        if source is not None and (not isinstance(source, str) or not _URL_RE.match(source)):
            raise EditorialError(
                display, lines.get((str(i), "source"), line), f"{term}: 'source' must be an http(s) URL"
            )
        term_id = str(entry.get("id") or _default_id(term.strip(), fold))
        if entry.get("id") and not _ID_RE.match(term_id):
            raise EditorialError(
                display,
                lines.get((str(i), "id"), line),
                f"{term}: id {term_id!r} must be lower-case ASCII letters, digits and '-'",
            )
        for form in (term, *aliases):
            key = textmarks.normalise(form, char_fold)
            if key in seen_forms:
                raise EditorialError(
                    display, line, f"{form!r} is already a term or alias on line {seen_forms[key]}; keep one"
                )
            seen_forms[key] = line
        if term_id in seen_ids:
            raise EditorialError(
                display,
                line,
                f"id {term_id!r} is used twice (first on line {seen_ids[term_id]}); give one an 'id'",
            )
        seen_ids[term_id] = line
        terms.append(
            Term(
                id=term_id,
                term=term.strip(),
                aliases=tuple(a.strip() for a in aliases),
                explanation=" ".join(explanation.split()),
                source=source,
                source_title=entry.get("source_title"),
                line=line,
            )
        )
    return Glossary(path=display, terms=tuple(terms))
