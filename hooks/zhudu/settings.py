"""The hook's settings: ``extra: zhudu:`` in mkdocs.yml, declared and validated the MkDocs way."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class VariantConfig(base.Config):
    """One script variant of the site."""

    code = c.Type(str)
    """BCP 47 tag written to ``<html lang>`` and ``hreflang`` (``zh-Hans``, ``zh-Hant-TW`` …)."""
    name = c.Type(str)
    """What the variant selector shows (``简体``, ``繁體·臺灣`` …)."""
    prefix = c.Type(str)
    """URL folder of this variant's copy of the site (``zh-Hant-TW``); the root keeps redirects."""
    script = c.Choice(("Hans", "Hant"))
    """The script this variant is written in."""
    opencc_from_hans = c.Optional(c.Type(str))
    """OpenCC config converting Simplified text into this variant (``s2twp``); none = as written."""
    opencc_from_hant = c.Optional(c.Type(str))
    """OpenCC config converting Traditional text into this variant (``t2s``, ``t2tw``)."""
    material_language = c.Type(str, default="zh")
    """Which of Material's interface translations this variant uses (``zh``, ``zh-TW``, ``zh-Hant``)."""
    og_locale = c.Type(str, default="zh_CN")
    """``og:locale`` of the variant's pages."""


class ZhuduConfig(base.Config):
    """Settings of the Zhudu build hook."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder (relative to mkdocs.yml) holding the notes exactly as their author wrote them."""
    editorial_dir = c.Type(str, default="docs/editorial")
    """Folder of editorial data files: note overrides, conversion rules, themes, glossary, annotations."""
    notes_url = c.Type(str, default="notes")
    """URL folder the note pages are published under."""
    timezone = c.Type(str, default="Asia/Shanghai")
    """IANA zone assumed for a date written without an offset."""
    missing_images = c.Choice(("placeholder", "warn"), default="placeholder")
    """``placeholder``: draw a visible placeholder and report all missing images in one info line;
    ``warn``: the same placeholder, plus a warning per image (so ``--strict`` fails)."""
    chars_per_minute = c.Type(int, default=450)
    """Reading speed for Chinese characters."""
    words_per_minute = c.Type(int, default=220)
    """Reading speed for Latin words."""
    summary_length = c.Type(int, default=120)
    """Characters of a derived summary when a note gives none."""
    search = c.Choice(("zhudu", "material"), default="zhudu")
    """``zhudu``: passage-level search with script folding and regional vocabulary (hooks/zhudu/search.py,
    overrides/assets/zhudu/search-worker.js); ``material``: Material's stock search index, converted per variant."""
    glossary_marking = c.Choice(("first", "every"), default="first")
    """Glossary terms (docs/editorial/glossary.yml) marked in a note: ``first``: the first occurrence of
    each term per note; ``every``: every occurrence.  The glossary page links to every occurrence either way."""
    workers = c.Optional(c.Type(int))
    """Processes converting and writing the variant copies of pages while ``mkdocs build`` renders the
    next ones (hooks/zhudu/workers.py); one fewer renders note pages' Markdown beside MkDocs
    (hooks/zhudu/rendering.py).  Unset: one per CPU when there are two or more; ``0``: all in the
    MkDocs process.  ``mkdocs serve`` always works in its own process."""
    variants = c.ListOfItems(c.SubConfig(VariantConfig), default=[])
    """The script variants the site is written in; the first is the default, served at the root."""
