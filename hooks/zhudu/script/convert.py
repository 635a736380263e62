"""Script conversion for Zhudu: Simplified notes published as Traditional variants.

This module is deliberately free of MkDocs imports so that it can be tested, benchmarked and used by
the audit CLI on its own.  The stages, one module each:

* ``variant_configs``: :class:`Variant`, :data:`DEFAULT_VARIANTS`, OpenCC configs, :func:`detect_script`;
* ``editor_rules``: :func:`load_rules`, the editor's rules in ``docs/editorial/conversion.yml``;
* ``protected_spans``: what must come out of OpenCC as it went in (URLs, handles, rule phrases);
* ``regional``: the default regional vocabulary layer (``data/regional.yml``);
* ``inline_rules``: the authors' ``-{…}-`` rules;
* ``html_tokens``: a page cut once into the pieces every variant converts;
* ``quote_pairing``: quotation marks converted in pairs per passage;
* ``word_runs``: the text pieces that only Zhudu's own inline wrappers separate, converted as one text;
* ``memo``: the conversions a converter has made, bounded by the characters they hold;
* this module: :class:`Converter`, which applies them in order (rule application);
* ``html_many``: one page into several variants, cut into pieces once.

How a conversion works (``Converter.text``): the editor's phrases and protected terms, then the
regional layer's rules, are cut out as placeholders (``protected_spans``); OpenCC converts the rest;
the placeholders are replaced by the exact outputs; then the variant's punctuation is applied, per
passage.  Every public name of the stage modules is importable from here too.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Sequence

from zhudu.script import as_written
from zhudu.script.editor_rules import ConversionRules, ScriptDataError, load_rules
from zhudu.script.han import han_refs_as_characters
from zhudu.script.html_many import html_many
from zhudu.script.html_tokens import HtmlTokens, tokenize_html
from zhudu.script.inline_rules import (
    inline_rules_markdown_extension,
    parse_inline_values,
    resolve_inline_value,
)
from zhudu.script.memo import ENTRY_COST, Memo
from zhudu.script.preload import preload
from zhudu.script.protected_spans import PH_BASE, PH_MAX, PH_RE, PLANE15_RE, SEP, matcher_for
from zhudu.script.quote_pairing import pair_quotes, passages
from zhudu.script.regional import RegionalRules, default_regional
from zhudu.script.variant_configs import DEFAULT_VARIANTS, Variant, detect_script, opencc_converter, region_of
from zhudu.script.word_runs import convert_halves, grouped_run_sides, split_grouped, split_joined, word_runs

__all__ = [
    "DEFAULT_VARIANTS",
    "ConversionRules",
    "Converter",
    "HtmlTokens",
    "ScriptDataError",
    "Variant",
    "detect_script",
    "html_many",
    "inline_rules_markdown_extension",
    "load_rules",
    "opencc_converter",
    "parse_inline_values",
    "preload",
    "resolve_inline_value",
    "tokenize_html",
]


class Converter:
    """Convert text and HTML from the source script into one variant.

    Converters are cheap: OpenCC objects are cached per process and the rule
    matchers per :class:`ConversionRules` object.

    Args:
        variant: The target variant.
        rules: Editorial rules (phrases apply only to Simplified sources,
            because their keys are written in Simplified).
        source_script: ``"Hans"`` or ``"Hant"``, the script of the input.
    """

    def __init__(
        self,
        variant: Variant,
        rules: ConversionRules,
        source_script: str = "Hans",
        regional: RegionalRules | bool = True,
        domain: str | None = None,
        keep_written: Sequence[Variant] = (),
        others: Sequence[tuple[Variant, Callable[[str], str]]] = (),
        own: Variant | None = None,
        shares: Sequence[Variant] = (),
    ) -> None:
        """Prepare the OpenCC object and the rule matchers.

        ``regional``: the default regional vocabulary layer (``data/regional.yml``) when true, none
        when false, or a given :class:`~zhudu.regional.RegionalRules`.  It applies after the editor's
        rules, which win.  ``domain``: the text's domain (``script.domain``), which lets the layer's
        rules for that domain apply (``SOFTWARE`` or ``GENERAL``); ``None`` when it is not known, which
        leaves out the rules of either domain.  ``keep_written``: the Traditional variants that show a
        Traditional author's own word where the layer rewrote it in this converter's HTML (``as_written``);
        ``others``: the Traditional variants' converters from Simplified (their pages'): those not in
        ``keep_written`` (a note of another region) write the rule's word for theirs; all tell where the way back
        reads the author's word beside a group with it (``as_written.widen``; OpenCC's when none is given).
        ``own``: the one of ``keep_written`` that is the note's own variant, which shows the author's text
        exactly as typed: every Han run its way back would not give as typed is kept (``as_written.as_typed``).
        ``shares``: variants showing the author's word too, unless only its region writes it (``codes_by_word``).
        """
        if source_script not in ("Hans", "Hant"):
            raise ValueError(f"source_script must be 'Hans' or 'Hant', not {source_script!r}")
        self.variant = variant
        self.rules = rules
        self.source_script = source_script
        config = variant.config_for(source_script)
        self._cc = opencc_converter(config) if config else None
        self._matcher = matcher_for(
            rules,
            variant.code,
            with_phrases=source_script == "Hans",
            # The Traditional variants whose phrase outputs a Traditional note's fold reads back (``phrases_back``).
            back_from=tuple(v.code for v in keep_written) if source_script == "Hant" else (),
        )
        layer = default_regional() if regional is True else regional or None
        region = region_of(own.code) if own else None  # its own from-hant rules (``RegionalRule.region``)
        scanner = layer.scanner(variant.code, source_script, domain, region) if layer and self._cc else None
        self._regional = scanner
        self._keep = layer.keep_pattern() if layer and self._cc else None
        marks = rules.punctuation_for(variant.code) if self._cc is not None else {}
        self._punct = re.compile("[" + re.escape("".join(marks)) + "]") if marks else None
        self._punct_map = marks
        self._keep_written = tuple(keep_written)
        self._others = tuple(o for o in others if o[0] not in keep_written)
        back = [o for o in others if o[0] in keep_written]
        self._back = back or [(v, opencc_converter(v.opencc_from_hans).convert) for v in keep_written]
        #: Every Traditional variant's page converter, for the spans' values (``as_written.resolve``).
        self._pages = [*self._back, *self._others]
        self._own = own if own in self._keep_written else None
        self._own_back = next((c for v, c in self._back if v == self._own), None)
        self._codes_of = as_written.codes_by_word(self._keep_written, self._own, shares, layer)
        self._arguments = (variant, rules, source_script, regional, domain, keep_written, others)
        self._shares = tuple(shares)
        self._reaches: as_written.Reaches = {}  # ``as_written.widen``'s: its pages are this converter's
        self._not_typed: Converter | None = None  # an editor's note's converter (``html``): without ``own``
        # Converted text pieces of the documents seen so far (``convert_pieces``): page chrome and repeated passages
        # are converted once.  A piece converts the same wherever it is (``_convert_many``): this saves time only.
        self._pieces_done = Memo()  # str -> str
        #: Passages punctuated before (``_punctuate_run`` with markup): pages repeat them (theme pages, panels, chrome).
        self._runs_done = Memo()  # tuple[str, ...] -> list[str]
        self._texts_done = Memo()  # the same for ``text`` (words, titles, characters)
        #: The same for ``text_as_written``: a title is written into several lists each build (``Site.shown_by``).
        self._written_done = Memo()
        #: Runs of pieces converted joined (``word_runs``), cut back into their pieces.
        self._words_done = Memo()  # tuple[str, ...] -> list[str]

    @property
    def is_identity(self) -> bool:
        """True when this converter leaves text unchanged."""
        return self._cc is None

    # -- plain text ---------------------------------------------------------

    def text(self, s: str) -> str:
        """Convert plain text (a title, a tag, a front-matter value, ...).

        Args:
            s: Text in the source script.

        Returns:
            The converted text; URLs, e-mail addresses, @handles, ASCII runs
            and protected terms are unchanged and phrase rules are applied.
        """
        if self._cc is None or s.isascii():
            return as_written.rule_words(s)
        return self._remembered(self._texts_done, s)

    def text_as_written(self, s: str) -> str:
        """``text`` of a Traditional note's field (title, description) with the author's words kept.

        Where the layer rewrote a word, the output holds an ``as_written`` group, which every page
        converter resolves: the rule's word for the Simplified variants, the author's in the
        Traditional ones (as the body's ``span.zd-conv``).  Never for a slug, an id or a URL.
        """
        if as_written.has_groups(s):  # folded already (a reused render's table of contents)
            return s
        if self._cc is None or s.isascii() or not self._keep_written:
            return self.text(s)
        return self._remembered(self._written_done, s, written=True)

    def _remembered(self, memo: Memo, s: str, written: bool = False) -> str:
        """``s`` converted (``_convert_many``), kept in ``memo``."""
        done = memo.data.get(s)
        if done is None:
            done = self._convert_many([s], written=written)[0]
            cost = len(s) + len(done) + ENTRY_COST
            memo.fits(cost)
            memo.add(s, done, cost)
        return done

    def _convert_many(
        self, segments: Sequence[str], markup: bool = False, punctuate: bool = True, written: bool = False
    ) -> list[str]:
        """Convert several segments with a single OpenCC call.

        Segments are joined with a plane-15 separator that no dictionary entry
        contains, so nothing matches across two segments.  ``markup``: the segments
        are HTML text or attribute values (``convert_pieces``), so what the editor's
        rules insert (phrase outputs, punctuation) is escaped for HTML; the text a
        segment already holds is HTML as written and is left alone.  ``punctuate``: apply the
        variant's punctuation, each segment a passage of its own (``convert_pieces`` does it per
        passage instead).
        """
        assert self._cc is not None
        matcher = self._matcher
        outputs = matcher.outputs
        slots: dict[str, str] = {}
        restore: list[str] = []

        def placeholder(out: str) -> str:
            ph = slots.get(out)
            if ph is None:
                if len(restore) >= PH_MAX:
                    raise OverflowError("too many protected tokens in one batch")
                ph = chr(PH_BASE + len(restore))
                slots[out] = ph
                restore.append(out)
            return ph

        def repl(m: re.Match[str]) -> str:
            kind = m.lastgroup
            token = m.group()
            if kind == "rule":
                # An editor's output is text: ``<`` or ``"`` in it must not become markup or end
                # the attribute (title, aria-label) it is inserted into.
                if keep_written and token in matcher.back:  # the author's phrase on the Traditional pages
                    return placeholder(as_written.group(html_lib.escape(outputs[token]), token, codes))
                return placeholder(html_lib.escape(outputs[token]) if markup else outputs[token])
            if kind == "ascii" or token.isascii():
                return token
            return placeholder(token)

        sub = matcher.pattern.sub
        regional_sub = self._regional.sub if self._regional is not None else None
        regional_out = self._regional.outputs if self._regional is not None else {}
        keep_sub = self._keep.sub if self._keep is not None else None

        keep_written = (markup or written) and bool(self._keep_written)
        codes = [v.code + as_written.EXACT if v == self._own else v.code for v in self._keep_written]
        own = self._own_back if keep_written else None
        own_codes = [c for c in codes if c.endswith(as_written.EXACT)] + [as_written.TYPED]
        # The pages whose way back ``widen`` asks: not the note's own, where its neighbours stay as typed (``as_typed``).
        widened_for = [p for p in self._pages if own is None or p[0] != self._own]
        typed_everywhere = [v.code + as_written.EXACT for v, _ in self._pages] + [as_written.TYPED]

        grouped: dict[str, tuple[str, str]] = {}  # a group's placeholder: its output and the author's word

        def regional_repl(m: re.Match[str]) -> str:
            out = regional_out[m.lastgroup]  # type: ignore[index]
            out = html_lib.escape(out) if markup else out
            if keep_written:  # the author's word kept for the Traditional variants (``as_written``)
                ph = placeholder(as_written.group(out, written := m.group(), self._codes_of(written)))
                grouped[ph] = (out, written)
                return ph
            return placeholder(out)

        def grouped_as(out: str, written: str) -> str:  # a group widened to the author's whole word
            return placeholder(as_written.group(out, written, self._codes_of(written)))

        def written_repl(m: re.Match[str]) -> str:
            # A Traditional note's text field folded with its author's words (``text_as_written``): the group as
            # the note's body shows it (``as_written.value_in``, as its span): a title, a description or a quote
            # reads as the body.  A fold meeting one (a section page listing a Traditional note's title, its
            # _index.md written in Traditional too) keeps it whole, for the page converters to resolve.
            if keep_written:
                return placeholder(m.group())
            value = as_written.value_in(m, self.variant, self.text)
            return placeholder(html_lib.escape(value) if markup else value)

        def as_typed(out: str, written: str) -> str:  # the note's own variant: the author's text as typed
            return placeholder(as_written.group(out, written, own_codes))

        def keep_repl(m: re.Match[str]) -> str:
            # As written: the source text (already HTML as written in markup) is the output.  Beside a stretch kept
            # as typed (a span), no page would see the words it follows (搜索“…”): every page's value is as typed.
            held = m.group() if own is None else as_written.group(m.group(), m.group(), typed_everywhere)
            return placeholder(held)

        def restored(m: re.Match[str]) -> str:
            return restore[ord(m.group()) - PH_BASE]

        def first_pass(seg: str) -> str:
            # Names to type first (nothing else may change them, nor leave its own placeholder inside theirs), then
            # the editor's rules, then the regional layer, which sees the editor's places as placeholders: an editor's
            # phrase or protected term always wins.  In HTML a Han character written as a reference is converted with
            # its word.  The author's own plane-15 characters are held as themselves first: the placeholders made
            # below are plane-15 characters too, and must not be taken for the author's.
            if PLANE15_RE.search(seg):
                seg = PLANE15_RE.sub(lambda m: placeholder(m.group()), seg)
            # A title written as the pages show it already (``as_written.held``): kept as it is, the author's
            # plane-15 characters held just above put back inside it.
            if as_written.HELD_RE.search(seg):
                seg = as_written.HELD_RE.sub(lambda m: placeholder(PH_RE.sub(restored, m[1])), seg)
            if as_written.has_groups(seg):
                seg = as_written.GROUP_RE.sub(written_repl, seg)
            if markup:
                seg = han_refs_as_characters(seg)
            if keep_sub is not None:
                seg = keep_sub(keep_repl, seg)
            seg = sub(repl, seg)
            seg = regional_sub(regional_repl, seg) if regional_sub is not None else seg
            if grouped and widened_for:
                seg = as_written.widen(seg, grouped, grouped_as, self._cc, widened_for, self._reaches)
            if own is None:
                return seg
            return as_written.as_typed(seg, self._cc.convert, own, as_typed)

        try:
            joined = SEP.join(first_pass(seg) for seg in segments)
        except OverflowError:
            if len(segments) == 1:
                raise
            return [out for seg in segments for out in self._convert_many([seg], markup, punctuate)]
        outs = self._cc.convert(joined).split(SEP)
        if restore:  # after the split: a separator the author wrote comes back from its placeholder
            outs = [PH_RE.sub(restored, out) for out in outs]
        if self._punct is not None and punctuate:
            outs = [self._punctuate(o, markup) for o in outs]
        return outs

    def _punctuate(self, text: str, markup: bool = False) -> str:
        """Apply the variant's punctuation (“” → 「」) to one passage of Chinese text (see ``_punctuate_run``)."""
        return self._punctuate_run([text], markup)[0]

    def _punctuate_run(self, texts: Sequence[str], markup: bool = False) -> list[str]:
        """Apply the variant's punctuation to one passage cut into pieces (``quote_pairing.pair_quotes``)."""
        assert self._punct is not None
        return pair_quotes(texts, self._punct, self._punct_map, markup)

    def _convert_runs(self, missing: list[str], run_texts: list[tuple[str, ...]]) -> list[Sequence[str]]:
        """Convert the new ``missing`` pieces (into the pieces memo) and each run of pieces (``word_runs``).

        One OpenCC call for both: a run's text is converted joined and cut back into its pieces where
        its sources end (``split_joined``).  Where its length changed (内存 → 記憶體), its pieces are
        converted alone too, and it is cut where their outputs end; where that cannot be done safely
        either (a phrase changing length across a wrapper), ``word_runs.convert_halves``.  A URL or a handle
        is protected as in the text without the wrappers: whole, wherever they cut it.
        """
        memo, words = self._pieces_done, self._words_done
        new_runs = list(dict.fromkeys(t for t in run_texts if t not in words.data))
        if new_runs and not words.fits(sum(4 * len(s) + ENTRY_COST for t in new_runs for s in t)):
            new_runs = list(dict.fromkeys(run_texts))
        joined: dict[tuple[str, ...], str] = {}
        if missing or new_runs:  # one OpenCC call for the new ones
            outs = self._convert_many(missing + ["".join(t) for t in new_runs], markup=True, punctuate=False)
            for src, out in zip(missing, outs, strict=False):
                memo.add(src, out, len(src) + len(out) + ENTRY_COST)
            joined = dict(zip(new_runs, outs[len(missing) :], strict=True))
        apart = []
        for texts, out in joined.items():
            split = split_joined(texts, out)
            if split is None and as_written.has_groups(out):
                split = split_grouped(texts, out)
            if split is None:
                apart.append(texts)
            else:
                words.add(texts, split, sum(map(len, texts)) + len(out) + ENTRY_COST * len(texts))
        if apart:  # rare: the pieces converted alone too, to see where the joined output is cut
            outs = iter(self._convert_many([s for t in apart for s in t], markup=True, punctuate=False))
            for texts in apart:
                alone = [next(outs) for _ in texts]
                split = split_joined(alone, joined[texts])
                if split is None:
                    split = convert_halves(texts, alone, self._convert_joined)
                words.add(texts, split, 2 * sum(map(len, texts)) + ENTRY_COST * len(texts))
        return [words.data[t] for t in run_texts]

    def _convert_joined(self, texts: Sequence[str]) -> str:
        return self._convert_many(["".join(texts)], markup=True, punctuate=False)[0]

    def _convert_from(self, s: str, script: str) -> str:
        """Convert text written in ``script`` (for inline-rule fallbacks)."""
        if script == self.source_script:
            return self.text(s)
        config = self.variant.config_for(script)
        return opencc_converter(config).convert(s) if config else s

    # -- HTML ---------------------------------------------------------------

    def html(self, s: str) -> str:
        """Convert an HTML document or fragment, byte-preserving outside text.

        Converted: text nodes, and the values of ``title``, ``alt``,
        ``aria-label``, ``placeholder``, ``data-zd-text`` and ``content`` of
        description/og/twitter ``<meta>``.  Untouched: every other attribute,
        comments, declarations, and everything inside ``code``, ``pre``,
        ``kbd``, ``samp``, ``script``, ``style``, ``svg``,
        ``textarea`` and elements with ``translate="no"`` or class
        ``zd-noconv``.  ``span.zd-conv`` gets the variant's value of its
        inline rule (escaped).  Entities are kept as written, but for a numeric reference to a Han
        character, converted as the character it shows (开源&#x5934;发 → 開源頭髮).  With ``keep_written``,
        a word of the text the regional layer rewrote becomes a ``span.zd-conv`` holding the author's word
        for those variants, and in an attribute value a group the page's converters resolve (``as_written``).

        Args:
            s: HTML text.

        Returns:
            The converted HTML.
        """
        if self._cc is None and "zd-conv" not in s:
            return as_written.rule_words(s)
        if not self._keep_written:
            return "".join(self.convert_pieces(tokenize_html(s)))
        tokens = tokenize_html(s, events=True)  # its text pieces, told from attribute values
        pieces = self.convert_pieces(tokens)
        # An editor's note inserted into the note (Simplified, the editor's) is no text the author typed: its pieces
        # as a converter without ``own`` writes them, whose memos are its own (the same text can be the author's).
        editors = as_written.editors_pieces(tokens.pieces) if self._own is not None else ()
        if editors:
            if self._not_typed is None:
                self._not_typed = Converter(*self._arguments, shares=self._shares)
            not_typed = self._not_typed.convert_pieces(tokens)
            for i in editors:
                pieces[i] = not_typed[i]
        # An attribute value (``alt``, ``title``) holds no element: its groups stay for each variant's
        # converter to resolve, as a title's (``text_as_written``).
        in_text = {e[1] for e in tokens.events or () if e[0] == "t"}
        read_on = grouped_run_sides(tokens, pieces)  # a group's sentence reads on across 寫**程式**很好
        return "".join(
            as_written.resolve(p, self._pages, *read_on.get(i, ("", "")))
            if i in in_text and as_written.has_groups(p)
            else p
            for i, p in enumerate(pieces)
        )

    def convert_pieces(self, tokens: HtmlTokens) -> list[str]:
        """Convert a tokenized document (see :func:`tokenize_html`) into this variant.

        Args:
            tokens: The document, tokenized once for every variant.

        Returns:
            The converted pieces, one for each of ``tokens.pieces`` (joined, the
            same text :meth:`html` returns).  Do not modify the list: for an
            identity converter it may be ``tokens.pieces`` itself.
        """
        if self._cc is None and not tokens.spans and not any(map(as_written.has_groups, tokens.pieces)):
            return tokens.pieces
        # The Simplified variants show a folded field's groups (``text_as_written``) as the rule's word.
        pieces = list(tokens.pieces if self._cc is not None else map(as_written.rule_words, tokens.pieces))
        if self._cc is not None and tokens.todo_src:
            runs = word_runs(tokens)
            in_runs = {i for run in runs for i in run}
            # A piece in a run is converted with its run's text (``_convert_runs``), not alone.
            alone = (
                [src for idx, src in zip(tokens.todo_idx, tokens.todo_src, strict=True) if idx not in in_runs]
                if runs
                else tokens.todo_src
            )
            memo = self._pieces_done
            done = memo.data
            missing = list(dict.fromkeys(src for src in alone if src not in done))
            # Outputs are about as long as their sources: ``2 * len`` bounds both before converting.
            if missing and not memo.fits(sum(2 * len(src) + ENTRY_COST for src in missing)):
                missing = list(dict.fromkeys(alone))  # this page's pieces, all afresh
            run_texts = [tuple(tokens.pieces[i] for i in run) for run in runs]
            run_outs = self._convert_runs(missing, run_texts)
            for idx, src in zip(tokens.todo_idx, tokens.todo_src, strict=True):
                pieces[idx] = done.get(src, src)  # a run's piece: replaced just below
            for run, outs in zip(runs, run_outs, strict=True):
                for idx, out in zip(run, outs, strict=True):
                    pieces[idx] = out
            if self._punct is not None:
                runs_memo = self._runs_done
                for run in passages(tokens, self._punct):
                    texts = tuple(pieces[i] for i in run)
                    punctuated = runs_memo.data.get(texts)
                    if punctuated is None:
                        punctuated = self._punctuate_run(texts, True)
                        # The key's strings are mostly the pieces memo's too; counted again, to be safe.
                        cost = sum(map(len, texts)) + sum(map(len, punctuated)) + ENTRY_COST * len(texts)
                        runs_memo.fits(cost)
                        runs_memo.add(texts, punctuated, cost)
                    for idx, text in zip(run, punctuated, strict=True):
                        pieces[idx] = text
        for first, close, values in tokens.spans:
            # The span's content (never converted above: it is skipped) becomes its value.
            inner = "".join(tokens.pieces[first:close])
            default_text = html_lib.unescape(re.sub(r"<[^>]*>", "", inner))
            value = html_lib.escape(
                resolve_inline_value(values, self.variant, default_text, self._convert_from), quote=False
            )
            if self._cc is None and as_written.is_typed(tokens.pieces, first, close):
                # A stretch kept as typed: the Simplified page's HTML as it was (a value is text: &quot; would be ").
                pieces[first - 1] = pieces[close] = ""
                continue
            if close > first:
                pieces[first] = value
                for i in range(first + 1, close):
                    pieces[i] = ""
            else:
                pieces[close] = value + pieces[close]
        return pieces
