"""The hook's settings: ``extra: zhudu:`` in mkdocs.yml, declared and validated the MkDocs way."""

from __future__ import annotations

import functools
import re
import zoneinfo
from pathlib import Path

import opencc
from mkdocs.config import base
from mkdocs.config import config_options as c

from zhudu.errors import ZhuduError
from zhudu.notes import yamldoc
from zhudu.notes.safety import RawHtmlAllow

#: One folder name of a URL path: no ``.``/``..`` (a segment never starts with a dot), no ``/``,
#: ``:``, ``%``, ``?``, ``#`` or spaces.
_URL_SEGMENT_RE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*$")


class UrlFolder(c.Type[str]):
    """A URL folder inside the site: one or more safe folder names joined by ``/``.

    The note pages are written there: ``../..`` would put them outside the site (or nowhere).
    """

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip()
        segments = text.strip("/").split("/")
        if text.startswith("/") or not all(_URL_SEGMENT_RE.match(s) for s in segments):
            raise base.ValidationError(
                f"{text!r} is not a folder inside the site: write one or more folder names of letters, "
                "digits, '-', '_' or '.' (not starting with '.') joined by '/', like 'notes' or "
                "'archive/notes' (no '..', no leading '/', no URL)"
            )
        return "/".join(segments)


class TimeZone(c.Type[str]):
    """An IANA time zone name that this machine's zone database knows (``Asia/Shanghai``)."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value).strip()
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise base.ValidationError(
                f"unknown time zone {name!r}: write an IANA zone name such as 'Asia/Shanghai', "
                "'Asia/Taipei', 'Asia/Hong_Kong' or 'UTC'"
            ) from None
        return name


class PositiveInt(c.Type[int]):
    """A whole number of at least ``minimum``."""

    def __init__(self, default: int | None = None, minimum: int = 1) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise base.ValidationError(f"expected a whole number of at least {self.minimum}, got {value!r}")
        number = super().run_validation(value)
        if number < self.minimum:
            raise base.ValidationError(f"expected a whole number of at least {self.minimum}, got {number}")
        return number


@functools.cache
def opencc_configs() -> tuple[str, ...]:
    """The OpenCC conversion configs the installed OpenCC ships (``s2twp``, ``t2s`` …)."""
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    return tuple(sorted(p.stem for p in share.glob("*.json")))


class OpenCCConfig(c.Type[str]):
    """The name of one of OpenCC's conversion configs."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value).strip().removesuffix(".json")
        known = opencc_configs()
        if known and name not in known:
            raise base.ValidationError(f"unknown OpenCC config {name!r}: use one of {', '.join(known)}")
        return name


class LimitsConfig(base.Config):
    """Bounds on the work one note may cause (hooks/zhudu/notes/limits.py says why each exists).

    A note over a limit is published as a broken note whose page names the line and the limit.
    """

    note_kib = PositiveInt(default=2048)
    """Largest note body, in KiB of UTF-8; also the most the copies of a note's embeds add to its page
    (``transclusion.Embeds.budget``: past it, an embed is a labelled link)."""
    nesting = PositiveInt(default=32)
    """Deepest nesting of lists, quotes, admonitions, HTML blocks and Hexo/Hugo boxes."""
    bracket_scan = PositiveInt(default=5_000_000)
    """Unclosed ``[`` in a paragraph × the paragraph's characters (Markdown re-reads the rest of a
    paragraph for each ``[`` nothing closes)."""
    link_scan = PositiveInt(default=1_000_000_000)
    """Images and wikilinks (``![``, ``[[``) in a paragraph × the paragraph's characters (each becomes
    inline markup, and Markdown rebuilds the paragraph's text for every inline tag it stores)."""
    emphasis_run = PositiveInt(default=200)
    """Longest run of ``*`` or ``_`` outside code."""
    yaml_aliases = PositiveInt(default=yamldoc.NOTE_ALIAS_BUDGET, minimum=0)
    """Values YAML aliases (``*name``) may add to one note's front matter (an alias bomb of 338 bytes
    expands to a billion values)."""
    front_matter_depth = PositiveInt(default=yamldoc.MAX_DEPTH)
    """Deepest nesting of front-matter values (YAML or TOML)."""


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
    opencc_from_hans = c.Optional(OpenCCConfig())
    """OpenCC config converting Simplified text into this variant (``s2twp``); none = as written."""
    opencc_from_hant = c.Optional(OpenCCConfig())
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
    notes_url = UrlFolder(default="notes")
    """URL folder the note pages are published under."""
    timezone = TimeZone(default="Asia/Shanghai")
    """IANA zone assumed for a date written without an offset."""
    missing_images = c.Choice(("placeholder", "warn"), default="placeholder")
    """``placeholder``: draw a visible placeholder and report all missing images in one info line;
    ``warn``: the same placeholder, plus a warning per image (so ``--strict`` fails)."""
    remote_images_from_private_hosts = c.Type(bool, default=False)
    """Download a note's remote images also from hosts that are not public (loopback, a private
    network, link-local): off, so a note cannot make the build fetch from the machine or its
    intranet and publish what comes back."""
    chars_per_minute = PositiveInt(default=450)
    """Reading speed for Chinese characters."""
    words_per_minute = PositiveInt(default=220)
    """Reading speed for Latin words."""
    summary_length = PositiveInt(default=120, minimum=20)
    """Characters of a derived summary when a note gives none."""
    search = c.Choice(("zhudu", "material"), default="zhudu")
    """``zhudu``: passage-level search with script folding and regional vocabulary (hooks/zhudu/search/index.py,
    overrides/assets/zhudu/search-worker.js); ``material``: Material's stock search index, converted per variant."""
    conversion_domain = c.Choice(("auto", "software", "general"), default="auto")
    """Which of the regional layer's rules the Taiwan and Hong Kong variants use (``hooks/zhudu/script/domain.py``):
    ``software`` adds the rules for software text (Taiwan 命令 → 指令, Hong Kong 程序 → 程式, 支持 → 支援 …),
    ``general`` leaves them out; ``auto`` decides from the notes: software when at least a quarter of them
    are software text (code blocks, or software words and identifiers; ``publish/conversion_domain.py`` says why).
    One domain for the whole site, so a note's title reads the same on its page, its card, the feeds and in search."""
    glossary_marking = c.Choice(("first", "every"), default="first")
    """Glossary terms (docs/editorial/glossary.yml) marked in a note: ``first``: the first occurrence of
    each term per note; ``every``: every occurrence.  The glossary page links to every occurrence either way."""
    raw_html_allow = RawHtmlAllow()
    """More tags and attributes a note's raw HTML may keep (hooks/zhudu/notes/safety.py): ``kbd``, ``abbr[title]``,
    ``*[itemprop]``.  Everything else outside the allow-list is removed with a warning; script, frames,
    forms, media, SVG, styles, event handlers and URL attributes are never allowed."""
    workers = c.Optional(PositiveInt(minimum=0))
    """Processes converting and writing the variant copies of pages while ``mkdocs build`` renders the
    next ones (hooks/zhudu/publish/workers.py).  Unset: one per CPU when there are two or more, none for a
    collection of 10 notes or fewer (faster in one process); ``0``: all in the MkDocs process.  ``mkdocs
    serve`` always works in its own process."""
    variants = c.ListOfItems(c.SubConfig(VariantConfig), default=[])
    """The script variants the site is written in; the first is the default, served at the root."""
    cache_dir = c.Type(str, default=".cache/zhudu")
    """Folder (relative to mkdocs.yml) of per-note artifacts kept between builds and ``mkdocs serve``
    rebuilds (hooks/zhudu/cache.py); safe to delete at any time.  Empty: keep nothing."""
    limits = c.SubConfig(LimitsConfig)
    """Bounds on the work one note may cause (see ``LimitsConfig``)."""


def load_settings(raw: object, display: str = "mkdocs.yml") -> tuple[ZhuduConfig, list[tuple[str, str]]]:
    """``extra.zhudu`` of ``display`` validated, and its warnings as (key, message).

    Raises:
        ZhuduError: ``extra.zhudu`` is not a mapping, or the first wrong setting (naming its key).
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ZhuduError(
            display,
            None,
            f"extra.zhudu: expected 'key: value' settings indented under it, got {type(raw).__name__} "
            f"{str(raw)[:40]!r}; see the settings in README.md",
        )
    settings = ZhuduConfig()
    settings.load_dict(dict(raw))
    errors, warnings = settings.validate()
    if errors:
        key, error = errors[0]
        raise ZhuduError(display, None, f"extra.zhudu.{key}: {error}")
    return settings, list(warnings)
