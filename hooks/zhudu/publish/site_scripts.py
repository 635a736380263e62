"""``Site``'s scripts: the editor's rules, the converters of each variant, how a note's words are shown.

A mixin of ``publish.site.Site`` (which owns the build's state: settings, folders, the variants); kept apart
so that each module holds one stage.  A Traditional note's words are folded into the default variant's
script by its region's converter (``fold_for``), and every place its title is listed writes it as its page
does (``shown_by``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from zhudu import cache
from zhudu.notes.dialect_markdown import md_text
from zhudu.publish import conversion_domain
from zhudu.script import as_written, copy_folds, inline_rules, variants
from zhudu.script import convert as script
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional
from zhudu.script.variant_configs import region_of
from zhudu.search import index as search
from zhudu.settings import ZhuduConfig

#: ``Site.converter``'s converters: (variant, rules, source script, domain, kept variants, own variant) → converter.
_CONVERTERS: dict[tuple[Any, ...], script.Converter] = {}


class SiteScripts:
    """``Site``'s conversion (see ``publish/site.py`` for the attributes it uses)."""

    settings: ZhuduConfig
    variant_configs: list[Any]
    decided_domain: conversion_domain.SiteDomain | None
    editorial_dir: Path
    default: variants.VariantInfo
    display: Callable[[Path], str]

    @cached_property
    def rules(self) -> script.ConversionRules:
        """The editor's conversion rules (``conversion.yml``)."""
        path = self.editorial_dir / "conversion.yml"
        return (
            script.load_rules(path, display=self.display(path))
            if path.is_file()
            else script.ConversionRules(protected=(), phrases={}, accepted={})
        )

    @cached_property
    def read_back(self) -> dict[str, str]:
        """The editor's phrase outputs a note written in Traditional means their sources by (``phrases_back``).

        The fold of such a note writes them the source's way (``script.Converter``'s ``keep_written``), and the
        glossary marks them as the source's term.  Every Traditional variant's: a note naming no region's.
        """
        return self.read_back_for(None)

    def read_back_for(self, region: str | None) -> dict[str, str]:
        """``read_back`` for a Traditional note of ``region``: the outputs its fold reads back, no other.

        Those of the variants that keep its words (``converter``'s ``keep_written``): a Hong Kong note's
        麥可·貝瑞 (Taiwan's output) stays 麦可·贝瑞 on its Simplified page, and the glossary finds no term there.
        """
        backs: dict[str | None, dict[str, str]] = self.__dict__.setdefault("_read_backs", {})
        found = backs.get(region)
        if found is None:
            if self.default.script != "Hans":
                found = {}
            else:
                found = self.rules.phrases_back(v.code for v in _keeping(self.script_variants, region))
            backs[region] = found
        return found

    @cached_property
    def script_variants(self) -> list[script.Variant]:
        """Variants as the conversion module describes them."""
        return [
            script.Variant(
                code=v["code"],
                script=v["script"],
                opencc_from_hans=v["opencc_from_hans"],
                opencc_from_hant=v["opencc_from_hant"],
            )
            for v in self.variant_configs
        ]

    def converter(
        self,
        code: str,
        source_script: str = "Hans",
        region: str | None = None,
        *,
        domain_free: bool = False,
        domain: str | None = None,
    ) -> script.Converter:
        """The converter writing text of ``source_script`` into variant ``code``, in the site's domain or ``domain``.

        Kept for the process, with what it has converted, while the variant, the editor's rules and
        the domain are the same: a ``mkdocs serve`` rebuild converts only text it has not seen.
        ``region``: a Traditional note's (``NoteMeta.region``), whose words only its region's variant keeps.
        ``domain_free``: with the rules of neither domain (``script.domain``), for what must not change when the
        site's domain does (``NoteLoading.slugify``: heading ids and passage anchors).  ``domain``: a note's page's
        where it is not the site's (``conversion_domain.of_page``).
        """
        site_domain = None if domain_free else domain if domain is not None else self.conversion_domain
        mine = self.__dict__.setdefault("_converters", {})
        converter = mine.get((code, source_script, site_domain, region))
        if converter is None:
            variant = next(v for v in self.script_variants if v.code == code)
            domain = (
                None if domain_free else conversion_domain.for_converter(site_domain, code, source_script)
            )
            # A Traditional note's page reaches its Traditional variants through this one's HTML: they
            # show the author's word where the layer rewrote it (``script/as_written.py``), or only its
            # region's variant does, and the others the rule's word as their converters write it.
            hant = [v for v in self.script_variants if source_script == v.script == "Hant" != variant.script]
            keep_written = _keeping(hant, region)
            # The note's own variant shows its text exactly as typed: its region's, or Taiwan's for a note
            # that names none (most Traditional notes are written in Taiwan).
            own = next((v for v in keep_written if region_of(v.code) in (region, "TW")), None)
            # The other region's variants show the author's word too where the layer lists the words only the note's
            # region writes (a Taiwan note's 檔案 on its Hong Kong page, but 軟體 the Hong Kong way: 軟件).
            listed = default_regional().only_in(region or "TW") is not None
            shares = tuple(v for v in hant if v not in keep_written) if listed else ()
            # The site's own page converters, for a domain-free one too: they resolve groups in HTML, which a fold of
            # plain text (``domain_free``'s one use) has none of; no converter is made for it alone.
            others = [(v, self.converter(v.code, domain=site_domain).text) for v in hant]
            key = (variant, self._rules_key, source_script, domain, keep_written, own, shares)
            converter = _CONVERTERS.get(key)
            if converter is None:
                if len(_CONVERTERS) >= 6 * len(self.script_variants):  # rules or variants were edited
                    _CONVERTERS.clear()
                converter = script.Converter(
                    variant,
                    self.rules,
                    source_script=source_script,
                    domain=domain,
                    keep_written=keep_written,
                    others=others,
                    own=own,
                    shares=shares,
                )
                _CONVERTERS[key] = converter
            mine[(code, source_script, site_domain, region)] = converter
        return converter

    def fold_for(self, meta: Any) -> script.Converter:
        """The converter folding a Traditional note (its ``NoteMeta``) into the default variant's script."""
        return self.converter(self.default.code, "Hant", meta.region, domain=self.page_domain(meta.domain))

    def written_tag(self, meta: Any) -> str:
        """What an embedded copy's frame says of its note (its ``NoteMeta``): its script, and its page's domain.

        The domain where the site's pages convert in both (``copy_folds.written_tag``, ``held_domain``).
        """
        return copy_folds.written_tag(meta.lang, meta.region, self.held_domain(meta.domain))

    def copy_fold(self, tag: str) -> Callable[[str], str]:
        """How a copy whose frame says ``tag`` (``written_tag``) is written into another note's page: as its own page.

        A Traditional note's folded by its region's fold in its page's domain, then (both) each text held in that
        domain where the other reads it otherwise (``_held``), as its title is wherever it is shown.  One function a
        tag for the build: ``copy_folds`` keeps a copy's fold by the function, so a note embedded in many is held once.
        """
        folds: dict[str, Callable[[str], str]] = self.__dict__.setdefault("_copy_folds", {})
        if tag not in folds:
            folds[tag] = self._copy_fold(tag)
        return folds[tag]

    def _copy_fold(self, tag: str) -> Callable[[str], str]:
        traditional, region = copy_folds.region_of(tag)
        domain = copy_folds.domain_of(tag)
        fold = self.converter(self.default.code, "Hant", region, domain=domain).html if traditional else str
        if domain is None:
            return fold

        def held(html: str) -> str:
            tokens = script.tokenize_html(fold(html))
            pieces = list(tokens.pieces)
            for i in tokens.todo_idx:
                pieces[i] = self._held(pieces[i], domain)
            return "".join(pieces)

        return held

    def page_domain(self, domain: str | None) -> str | None:
        """The domain the page of a note whose text's domain is ``domain`` converts in, where not the site's, or None.

        ``conversion_domain.of_page``; ``domain`` None: a page of no note.
        """
        return conversion_domain.of_page(self.decided_domain, domain)

    def shown_by(
        self, lang: str, region: str | None = None, domain: str | None = None
    ) -> Callable[[str], str]:
        """How a note's own words (title, description, tags) are written into the default variant's pages.

        The one function for every place a note's title is shown: its page, the home cards, section and theme
        pages, related notes, backlinks, the glossary, the feeds.  A note written in Traditional (``lang``,
        ``region``: its ``NoteMeta``'s) is folded with its words kept (``Converter.text_as_written``): each
        variant's page converter resolves them as it does the note's own heading, so every list reads as the
        note's page in every variant (exactly as typed on its own).  Other notes' words are as written.

        ``domain``: the note's text's (``NoteMeta.domain``).  Where the site's pages convert in both domains
        (``SiteDomain.mixed``), words the two read differently (程序: 程式 or 程序) are held as the note's page writes
        them in every variant (``as_written.group_each``), whatever page shows them.
        """
        fold = self.fold_for_text(lang, region, domain)
        held = self.held_domain(domain)
        if held is None:
            return fold
        return lambda text: self._held(fold(text), held)

    def fold_for_text(self, lang: str, region: str | None, domain: str | None) -> Callable[[str], str]:
        """A note's words folded into the default variant's script as its page is (``shown_by`` without holding)."""
        if lang != "zh-Hant":
            return str
        return self.converter(
            self.default.code, "Hant", region, domain=self.page_domain(domain)
        ).text_as_written

    def held_domain(self, domain: str | None) -> str | None:
        """The domain a note's words are held in (``shown_by``): its page's, where pages convert in both; else None.

        ``domain``: the note's text's (``NoteMeta.domain``; None: its page converts in the site's).
        """
        site = self.decided_domain
        if site is None or not site.mixed:
            return None
        return domain if domain is not None else site.domain

    def _held(self, shown: str, held: str) -> str:
        """``shown`` (as ``shown_by`` folds it) held in domain ``held``, or as it is where both domains read it alike.

        Held: a group of each variant's text as a page of that domain converts it (``as_written.group_each``).
        """
        if not self.domain_sensitive(shown):
            return shown
        other = GENERAL if held == SOFTWARE else SOFTWARE
        codes = [v.code for v in self.script_variants if v.code != self.default.code]
        mine = {code: self.converter(code, domain=held).text(shown) for code in codes}
        if all(self.converter(code, domain=other).text(shown) == mine[code] for code in codes):
            return shown
        return as_written.group_each(self.converter(self.default.code, domain=held).text(shown), mine)

    @cached_property
    def domain_sensitive(self) -> Callable[[str], bool]:
        """Whether Simplified text holds the word of a regional rule of one domain only.

        Only such text can read otherwise in the other domain (``_held``, ``NoteInfo.holds``); most text holds none.
        """
        layer, words = default_regional(), set()
        for variant in self.script_variants:
            if variant.script == "Hant":
                software, general = (layer.rules_for(variant.code, "Hans", d) for d in (SOFTWARE, GENERAL))
                words |= {rule.word for rule in set(software) ^ set(general)}
        found = re.compile("|".join(map(re.escape, sorted(words)))).search if words else None
        return (lambda text: found(text) is not None) if found else (lambda text: False)

    def description_shown(self, meta: Any) -> str:
        """A note's description (its ``NoteMeta``) as ``shown_by`` writes it, a summary's inline code as typed.

        The note's page reads its code apart from the words beside it, and shows it as typed in every variant (使用
        `hexo` 指令's 指令 is read without hexo): so do its ``<meta name="description">`` and its home card, each code
        (``NoteMeta.description_code``) a group every variant's page converter shows as typed (``code_kept``).
        """
        fold = self.fold_for_text(meta.lang, meta.region, meta.domain)
        typed = [v.code + as_written.EXACT for v in self.script_variants if v.script == "Hant"]
        kept = meta.description_code and code_kept(
            meta.description_code, fold, lambda code: as_written.group(code, code, typed)
        )
        shown = kept or fold(meta.description)
        held = self.held_domain(meta.domain)
        if held is None:
            return shown
        # Held whole, each variant's text as a page of its domain converts it (the code's groups read as typed).
        return self._held(shown, held)

    def shown_in(
        self, lang: str, region: str | None = None, domain: str | None = None
    ) -> dict[str, Callable[[str], str]]:
        """How a note's own words read on each variant's pages: variant code → conversion (the default's first).

        ``shown_by``'s text through each variant's page converter, as the note's page shows it (a title as its page
        heads it, a passage as its page writes it: a theme page's quote, a theme strip's excerpt).  ``domain``: the
        note's text's (``shown_by``).
        """
        fold = self.fold_for_text(lang, region, domain)
        page = self.page_domain(domain)
        variants = sorted(self.script_variants, key=lambda v: v.code != self.default.code)
        return {v.code: _through(fold, self.converter(v.code, domain=page).text) for v in variants}

    def link_title(self, note: Any, page: Any) -> str:
        """``note``'s title as a link to it with no text of its own shows it on ``page``: Markdown, or "" (as typed).

        Where either note is written in Traditional, each variant's text as the note's own page heads it (its words
        as ``shown_by`` writes them, through that variant's page converter), as an author's ``-{…}-`` rule: no fold
        of the linking page, nor a converter of another, reads it again (a Hong Kong note's 說明文件 was the Taiwan
        page's 說明文件 where its page reads 文件).  The same where the two pages convert in different domains (a
        software note's 程序 on a general note's page).  "": the title as typed (a Simplified note's on a Simplified
        page of its domain, or a title no rule can hold).
        """
        domains = {self.page_domain(note.meta.domain), self.page_domain(page.meta.domain)}
        if "zh-Hant" not in (note.meta.lang, page.meta.lang) and len(domains) == 1:
            return ""
        shown = self.shown_in(note.meta.lang, note.meta.region, note.meta.domain)
        values = {v.code: shown[v.code](note.meta.title) for v in self.script_variants}
        if "zh-Hant" not in (note.meta.lang, page.meta.lang):
            there = self.page_domain(page.meta.domain)
            if all(
                self.converter(code, domain=there).text(note.meta.title) == value
                for code, value in values.items()
            ):
                return ""  # the linking page's domain reads it as the note's page does
        # A title holding what no rule can (Git & 程序, 用 `ls` 调试程序): each stretch around it a rule.
        return inline_rules.rule_markdown(values) or _stretches_as_rules(note.meta.title, shown)

    def variant_text(self, code: str, text: str) -> str:
        """``text`` (a feed's, in whatever script) in variant ``code``.

        A Traditional note's words as its pages show them (``shown_by``): the default script's, with the
        author's words kept in groups that each variant's converter resolves.
        """
        source = "Hans" if as_written.has_groups(text) else script.detect_script(text)
        return self.converter(code, source).text(text)

    @property
    def conversion_domain(self) -> str:
        """The domain every converter of this build uses (before the notes are read: the setting's guess)."""
        if self.decided_domain is not None:
            return self.decided_domain.domain
        return conversion_domain.before_notes(self.settings.conversion_domain)

    @cached_property
    def domain_words(self) -> list[str]:
        """Theme and glossary terms: the search vocabulary's domain dictionary, read once per build."""
        return search.domain_words(self.editorial_dir)

    @cached_property
    def _rules_key(self) -> str:
        return self.rules.fingerprint()  # not ``repr``: it changes from process to process

    @property
    def conversion_key(self) -> str:
        """What ``converter(code, "Hans")`` is made from, the same in every process.

        OpenCC and the regional layer are the code's: a key kept on disk also needs ``cache.code_version``.
        """
        return cache.digest(repr([vars(v) for v in self.script_variants]), self._rules_key, self.domain_key)

    @property
    def domain_key(self) -> str:
        """The site's domain, and whether note pages convert in the other one too (``SiteDomain.mixed``)."""
        mixed = self.decided_domain is not None and self.decided_domain.mixed
        return f"{self.conversion_domain} mixed" if mixed else self.conversion_domain


#: Where a summary's inline code stands while the words around it are converted (``code_kept``): a noncharacter, which
#: no note holds (``notes/limits.py``), and no word for OpenCC or a rule to read across.
_CODE_SLOT = "\ufdd8"


def code_kept(pieces: Sequence[str], convert: Callable[[str], str], code_as: Callable[[str], str]) -> str:
    """A description in ``pieces`` (``NoteMeta.description_code``: code at odd places), converted: one text.

    Its words are converted by ``convert`` as one text, each code where it stood written by ``code_as``; "" where
    ``convert`` lost a code's place.  As one text, a quotation's marks around code stay a pair (“``hexo``” is 「hexo」), as on the page.
    """
    words = convert(_CODE_SLOT.join(pieces[::2])).split(_CODE_SLOT)
    if len(words) != len(pieces[::2]):
        return ""
    code = [code_as(piece) for piece in pieces[1::2]]
    return "".join(word + (code[n] if n < len(code) else "") for n, word in enumerate(words))


#: What a ``-{…}-`` rule cannot hold in a link's text (``inline_rules.rule_markdown``), or Markdown reads before it
#: (a formula, kept whole as typed; emphasis, a code span, an escape, a link's brackets), and white space at a
#: stretch's ends, which a value loses.
_UNRULED_RE = re.compile(r"\$[^$\n]*\$|[\\`*_\[\]<>&$|~=^]+|\s+")


def _stretches_as_rules(title: str, shown: dict[str, Callable[[str], str]]) -> str:
    """``title`` in Markdown as a link's text: each stretch of words a ``-{…}-`` rule, the rest as typed text.

    A rule's values: the stretch's text in each variant (``shown``: code → conversion); what is between the
    stretches, and a stretch no rule can hold, written as text as a title with no rule is (``md_text``).
    """
    pieces, at = [], 0
    for m in [*_UNRULED_RE.finditer(title), None]:
        stretch = title[at : m.start() if m is not None else len(title)]
        if stretch:
            values = {code: to(stretch) for code, to in shown.items()}
            pieces.append(inline_rules.rule_markdown(values) or md_text(stretch))
        if m is not None:
            pieces.append(md_text(m.group()))
            at = m.end()
    return "".join(pieces)


def _keeping(variants: Iterable[script.Variant], region: str | None) -> tuple[script.Variant, ...]:
    """The Traditional ones of ``variants`` that keep a Traditional note's words: its region's, or all where none is."""
    hant = tuple(v for v in variants if v.script == "Hant")
    return tuple(v for v in hant if region_of(v.code) == region) or hant


def _through(first: Callable[[str], str], then: Callable[[str], str]) -> Callable[[str], str]:
    """``first``, then ``then``."""
    return lambda text: then(first(text))
