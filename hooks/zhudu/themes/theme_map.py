"""The theme map: ``docs/editorial/themes.yml`` read and checked, and the fold it is matched in.

``docs/editorial/themes.yml`` is the editor's theme map: every theme has a
stable ASCII id, a name, a one-line description and the phrases that express
it; ``pins`` attach a passage to a theme by quoting it, ``exclude`` removes a
wrong match.  This module loads and validates the map.  Text and phrases are
compared *folded* (:func:`fold`): OpenCC tw2sp (Traditional characters and Taiwan
wording to Simplified), then ``str.casefold``, so 数据中心, 數據中心, 資料中心 and a
phrase written in either script are one.

``matching`` matches the map against every note's passages; ``theme_index`` holds
the result.  Pure module: plain data in, plain data out, no MkDocs objects.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from zhudu.editorial import load_yaml_with_lines
from zhudu.errors import EditorialError
from zhudu.script.convert import opencc_converter

# --------------------------------------------------------------------------- Data

THEME_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
_TOP_KEYS = ("themes", "pins", "exclude")
_THEME_KEYS = ("name", "description", "phrases")
_SNIPPET_KEYS = ("theme", "note", "text")


@dataclass(frozen=True)
class Theme:
    """One theme of the map."""

    id: str
    name: str
    description: str
    phrases: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Snippet:
    """A pin or an exclusion: this passage (found by quoting it) does / does not carry a theme."""

    theme: str
    note: str
    text: str
    line: int


@dataclass(frozen=True)
class ThemeMap:
    """The validated contents of ``themes.yml``."""

    path: str
    themes: tuple[Theme, ...] = ()
    pins: tuple[Snippet, ...] = ()
    exclusions: tuple[Snippet, ...] = ()

    def by_id(self) -> dict[str, Theme]:
        """Themes keyed by id."""
        return {theme.id: theme for theme in self.themes}

    @functools.cached_property
    def ids(self) -> frozenset[str]:
        """The themes' ids, made once (every theme page's address is checked against them on every save)."""
        return frozenset(theme.id for theme in self.themes)


# --------------------------------------------------------------------------- Folding


#: OpenCC config of the fold.  Not plain t2s: t2s only maps characters (資料中心 → 资料中心), while
#: tw2sp also maps Taiwan vocabulary to the Mainland's (資料中心 → 数据中心, 伺服器 → 服务器), which
#: is what the s2twp variant turns 数据中心 into.  Phrases and text are folded by the same function,
#: so the fold need not be "right", only the same on both sides.
FOLD_CONFIG = "tw2sp"


def fold(text: str) -> str:
    """Text in its matching form: Simplified Mainland wording (OpenCC tw2sp), Latin case folded."""
    return opencc_converter(FOLD_CONFIG).convert(text).casefold()


# --------------------------------------------------------------------------- Loading


def load_theme_map(path: Path, display: str) -> ThemeMap:
    """Read and validate ``themes.yml``; a missing file is an empty map.

    Pins and exclusions naming an unknown note are checked later, against the
    passages (``matching.build_index``), because that is a content problem.

    Raises:
        EditorialError: bad YAML, a repeated key (a theme id defined twice) or a malformed entry
            (naming file:line and what to write).
    """
    if not path.is_file():
        return ThemeMap(path=display)
    # A theme id written twice (YAML keeps the last silently) is a repeated key path, which
    # load_yaml_with_lines rejects with both lines, like every other editorial file's.
    data, lines = load_yaml_with_lines(path, display)
    if data is None:
        return ThemeMap(path=display)

    def fail(key: tuple[str, ...], message: str) -> EditorialError:
        line = None
        while key and line is None:
            line = lines.get(key)
            key = key[:-1]
        return EditorialError(display, line or 1, message)

    if not isinstance(data, dict):
        raise fail((), "expected a mapping with the sections themes:, pins:, exclude:")
    for key in data:
        if key not in _TOP_KEYS:
            raise fail((str(key),), f"unknown section {key!r}; use one of {', '.join(_TOP_KEYS)}")
    raw_themes = data.get("themes") or {}
    if not isinstance(raw_themes, dict):
        raise fail(("themes",), "themes: expected a mapping of theme id → name, description, phrases")
    themes: list[Theme] = []
    for theme_id, body in raw_themes.items():
        key = ("themes", str(theme_id))
        if not isinstance(theme_id, str) or not THEME_ID_RE.match(theme_id):
            raise fail(
                key,
                f"theme id {theme_id!r} must be lower-case ASCII letters, digits and '-' "
                "(it is part of the theme page's URL; keep it stable)",
            )
        if not isinstance(body, dict):
            raise fail(key, f"{theme_id}: expected the fields {', '.join(_THEME_KEYS)}")
        for name in body:
            if name not in _THEME_KEYS:
                raise fail(
                    (*key, str(name)), f"{theme_id}: unknown field {name!r}; fields: {', '.join(_THEME_KEYS)}"
                )
        for name in ("name", "description"):
            value = body.get(name)
            if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
                raise fail((*key, name), f"{theme_id}: {name} must be one line of text")
        phrases = body.get("phrases")
        if not isinstance(phrases, list) or not phrases:
            raise fail((*key, "phrases"), f"{theme_id}: phrases must be a non-empty list of words or phrases")
        seen: dict[str, int] = {}
        for i, phrase in enumerate(phrases):
            pkey = (*key, "phrases", str(i))
            if not isinstance(phrase, str | int | float) or not str(phrase).strip():
                raise fail(pkey, f"{theme_id}: phrase {i + 1} must be text; put it in quotes")
            folded = fold(str(phrase).strip())
            if folded in seen:
                raise fail(
                    pkey,
                    f"{theme_id}: phrase {phrase!r} repeats phrase {seen[folded] + 1} "
                    "(phrases are compared folded: script and case do not matter); keep one",
                )
            seen[folded] = i
        themes.append(
            Theme(
                id=theme_id,
                name=body["name"].strip(),
                description=body["description"].strip(),
                phrases=tuple(str(p).strip() for p in phrases),
                line=lines.get(key, 1),
            )
        )
    known = {t.id for t in themes}

    def snippets(section: str) -> tuple[Snippet, ...]:
        raw = data.get(section) or []
        if not isinstance(raw, list):
            raise fail((section,), f"{section}: expected a list of '- theme: …, note: …, text: …' entries")
        out = []
        for i, item in enumerate(raw):
            key = (section, str(i))
            if not isinstance(item, dict):
                raise fail(key, f"{section} entry {i + 1}: expected theme:, note: and text:")
            for name in item:
                if name not in _SNIPPET_KEYS:
                    raise fail(
                        (*key, str(name)),
                        f"{section} entry {i + 1}: unknown field {name!r}; "
                        f"fields: {', '.join(_SNIPPET_KEYS)}",
                    )
            for name in _SNIPPET_KEYS:
                if not isinstance(item.get(name), str) or not item[name].strip():
                    raise fail(
                        (*key, name) if name in item else key, f"{section} entry {i + 1}: {name} must be text"
                    )
            if item["theme"] not in known:
                raise fail(
                    (*key, "theme"),
                    f"{section} entry {i + 1}: unknown theme id {item['theme']!r}; "
                    f"themes: {', '.join(sorted(known)) or '(none)'}",
                )
            if len(item["text"].strip()) < 4:
                raise fail(
                    (*key, "text"), f"{section} entry {i + 1}: quote at least 4 characters of the passage"
                )
            out.append(
                Snippet(
                    theme=item["theme"],
                    note=item["note"].strip(),
                    text=item["text"].strip(),
                    line=lines.get((*key, "text"), lines.get(key, 1)),
                )
            )
        return tuple(out)

    return ThemeMap(path=display, themes=tuple(themes), pins=snippets("pins"), exclusions=snippets("exclude"))


def covered(term: str, theme_map: ThemeMap) -> bool:
    """Whether a term is already expressed by a phrase of the map (either contains the other, folded)."""
    folded = fold(term)
    return any(folded in fold(p) or fold(p) in folded for theme in theme_map.themes for p in theme.phrases)
