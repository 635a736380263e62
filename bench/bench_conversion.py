"""Conversion quality on the review set: plain OpenCC against Zhudu's conversion, per variant.

The review set (``tests/conversion_review.yml``) holds real sentences with the forms a careful Taiwan
or Hong Kong editor would write.  For each variant this prints, per 1,000 Han characters of source:

* **wrong** — clear-cut wrong words: places where the output differs from the expected sentence
  (each differing stretch counts once, so a cut word such as 電影片道 is one wrong word);
* **mainland** — Mainland words left: occurrences of a word a Taiwan (Hong Kong) writer would not
  use (部落格 is right, 博客 is left; 透過 is right, 通過 is left where it means "by means of") that
  the expected sentence does not have;

and, as counts, **kept** — the places where plain OpenCC's regional vocabulary (s2twp over s2tw,
s2hkp over s2hk) was right, and how many of them the converter keeps (no loss against OpenCC).

Converters compared:

* ``opencc``: the OpenCC config alone (``s2twp``, ``s2hkp``);
* ``editor``: Zhudu with the editor's rules only (``docs/editorial/conversion.yml``), no default
  regional layer: Zhudu as it was before the layer;
* ``regional``: Zhudu with its default regional layer only (a site without editor's rules);
* ``zhudu``: Zhudu as the site runs it: the regional layer and the editor's rules.

An entry's ``also-tw`` / ``also-hk`` (``{alternative: word}``) names forms accepted as well as a word
of its label (建構 beside 建置, as hexo-docs zh-tw writes it): an output with the alternative counts as
right.

Quotation marks are not words: “” ‘’ 「」 『』 are all made 「」 on both sides before comparing
(the site writes 「」 by an editor's punctuation rule; plain OpenCC keeps “”).

The sets: ``review`` (``tests/conversion_review.yml``, the sentences the rules were written with) and every
held-out set, ``heldoutN`` for each ``tests/conversion_heldoutN.yml`` (found there, in the order of N: a new set needs
no line here): real sentences judged before any rule was written from them.  Each file's header says where its
sentences come from and how they were judged; README's table gives each set's figures at first sight.

Run: ``cd /work/main && .venv/bin/python bench/bench_conversion.py [--set heldout] [--show zhudu]
[--variant TW] [--domain-mode site]``; ``--set all`` prints every set.  ``--show NAME`` lists the sentences NAME
gets wrong, with the expected form.

``--domain-mode`` decides each sentence's domain (``script.domain``: the regional layer's ``domain: software``
rules apply in software text only): ``general`` (the default: none), ``site`` (the whole set's, what an ``auto``
site of these sentences converts with), ``document`` (its document's; ``--domains`` is the same), ``sentence``
(software where the sentence itself has two software cues, else the site's), ``passage`` (the same from the
sentence and its neighbours of the same document) and ``best`` (the ceiling of any per-sentence choice: each
sentence in whichever domain gets fewer words wrong; it reads the expected forms, so it is a bound, not a mode).
``--cut-guard MODE`` puts ``cut_guard.guard`` (OpenCC's phrases read across jieba's words undone) after Zhudu's
conversions, ``--extra-table SPEC`` MediaWiki's regional tables after its layer (``wikitable.py``): prototypes
measured and not adopted (bench/RESULTS.md, session 36 — cuts; session 37 — wikitable).

``--direction from-hant`` measures the other direction, a note written in Traditional on the zh-Hans site
(``from_hant.py``: ``--set hexo-tw``, ``tests/conversion_from_hant.yml``, ``--set firefox-tw``,
``tests/conversion_from_hant_firefox.yml``, ``--set python-tw``, ``tests/conversion_from_hant_python.yml``,
``--set libreoffice-tw``, ``tests/conversion_from_hant_libreoffice.yml``, or any set above read backwards).
``--direction from-hant --to zh-Hant-HK`` measures a Taiwan-written note's Hong Kong page instead (``tw_to_hk.py``:
``--set tw-to-hk``, ``tests/conversion_tw_to_hk.yml``, the default there; ``--domain-mode`` ``general``, ``site`` or
``document``).
"""

from __future__ import annotations

import argparse
import copy
import difflib
import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from cut_guard import guarded  # noqa: E402  (bench/ is on the path when this file runs)
from wikitable import TableLayer, table_layer  # noqa: E402

from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter, load_rules, opencc_converter  # noqa: E402  (the hooks directory is put on the path above)
from zhudu.script.domain import GENERAL, SOFTWARE, text_domain  # noqa: E402
from zhudu.script.domain import software_cues as domain_cues  # noqa: E402

REVIEW = ROOT / "tests" / "conversion_review.yml"
_HELDOUT_RE = re.compile(r"conversion_(heldout(\d*))")


def _held_out_sets() -> dict[str, Path]:
    """Every ``tests/conversion_heldoutN.yml`` by its set's name (``heldoutN``), in the order of N (``heldout`` first)."""
    found = [
        (m, path)
        for path in ROOT.glob("tests/conversion_heldout*.yml")
        if (m := _HELDOUT_RE.fullmatch(path.stem))
    ]
    return {m[1]: path for m, path in sorted(found, key=lambda item: int(item[0][2] or 1))}


#: Every set by name: the review set, then the held-out ones.
SETS = {"review": REVIEW, **_held_out_sets()}
#: The sets of Traditional notes (``from_hant.SETS``), measured only with ``--direction from-hant``.
FROM_HANT_SETS = ("hexo-tw", "firefox-tw", "python-tw", "libreoffice-tw", "tw-to-hk", "hk-to-tw")
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "「", "’": "」", "『": "「", "』": "」"})
RULES_FILE = ROOT / "docs" / "editorial" / "conversion.yml"
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: The field of an entry that lists the forms accepted beside its label's words, per variant.
ALSO = {"zh-Hant-TW": "also-tw", "zh-Hant-HK": "also-hk"}

#: Plain OpenCC config, and the character-only config its regional vocabulary is measured against.
CONFIGS = {"zh-Hant-TW": ("s2twp", "s2tw"), "zh-Hant-HK": ("s2hkp", "s2hk")}

#: Mainland words (as OpenCC writes them in Traditional characters) a writer of the variant would
#: not use.  Counted only where the expected sentence has fewer of them than the output.
MAINLAND = {
    "zh-Hant-TW": (  # noqa: SIM905  (a word list reads better as one string)
        "通過 博客 芯片 在線 內存 默認 文件夾 視頻 軟件 硬件 程序員 鏈接 數據 用戶 服務器 網絡 "
        "帖子 插件 運行 創建 菜單 屏幕 鼠標 硬盤 兼容 登錄 賬號 賬戶 設置 質量 命令 示例 獲取 "
        "自定義 文本 指令碼 例項 回撥 區域性 全域性 二進位制 許可權 釋出 引數 返回 教程 郵箱 "
        # Added with tests/conversion_heldout3.yml (issue 25): Mainland words its Taiwan sources replace.
        "構建 當前 關鍵詞 丟擲 偵錯程式 檢測到"
    ).split(),
    # The Hong Kong words of the conversion issue (在線, 自行車 → 單車, 芯片 → 晶片, 鏈接 → 連結, 郵箱 → 電郵,
    # 博客 → 網誌, 內存 → 記憶體, 澳大利亞 → 澳洲) and software words Hong Kong writes the Taiwan way.
    "zh-Hant-HK": (  # noqa: SIM905
        "芯片 內存 默認 鏈接 文件夾 信息 在線 自行車 郵箱 博客 澳大利亞 服務器 鼠標 硬盤 登錄 "
        # Added with tests/conversion_heldout3.yml (issue 25).
        "文檔 模塊 字段 加載 下劃線 激活 調試 缺省 對象 支持"
    ).split(),
}


def load_review(path: Path = REVIEW) -> list[dict[str, object]]:
    """Return the review set's entries (see the file's header for the fields): a copy of the file's parse."""
    return copy.deepcopy(_parsed_set(path, path.stat().st_mtime_ns))


def set_sentences(path: Path) -> frozenset[str]:
    """The Simplified sentences of the set in ``path`` (none for ``tw-to-hk``'s, Taiwan text with its Hong Kong form)."""
    return frozenset(e["zh-Hans"] for e in _parsed_set(path, path.stat().st_mtime_ns) if "zh-Hans" in e)  # type: ignore[misc]


@functools.cache
def _parsed_set(path: Path, mtime_ns: int) -> list[dict[str, object]]:
    # A set is read by every test module that measures it and by the shape test of every later set: parse each
    # once per process, with libyaml's parser where PyYAML has it (ten times faster than the pure-Python one).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def han_count(text: str) -> int:
    """Han characters in ``text``."""
    return len(_HAN.findall(text))


def wrong_words(out: str, expected: str) -> list[tuple[str, str]]:
    """The stretches where ``out`` differs from ``expected``: (got, expected) per wrong word."""
    return list(_compared(out, expected)[0])


@functools.cache
def _compared(out: str, expected: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[int, int], ...]]:
    # (wrong words, right spans) of one output against its label, from one alignment.  A function of the two
    # strings, worked out once per process: the measures of one set with and without domains, and the tests that
    # measure the same set again, compare mostly the same outputs.
    out, expected = out.translate(_QUOTES), expected.translate(_QUOTES)
    if (
        out == expected
    ):  # what the alignment gives for equal strings: no edit, one block of all (none if empty)
        return (), ((0, len(expected)),) if expected else ()
    matcher = difflib.SequenceMatcher(None, out, expected, autojunk=False)
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # A one-character overlap splits one word into two edits (型別 → 類型: insert 類, delete 別).
        if spans and i1 - spans[-1][1] <= 1 and j1 - spans[-1][3] <= 1:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    right = tuple((b.b, b.b + b.size) for b in matcher.get_matching_blocks() if b.size)
    return tuple((out[i1:i2], expected[j1:j2]) for i1, i2, j1, j2 in spans), right


def accept_alternatives(out: str, expected: str, also: dict[str, str] | None) -> str:
    """``out`` with each accepted alternative written as the label's word (where the label has it)."""
    for alternative, word in (also or {}).items():
        if word in expected:
            out = out.replace(alternative, word)
    return out


def mainland_left(out: str, expected: str, words: list[str]) -> int:
    """Mainland words in ``out`` beyond those the expected sentence has."""
    if out == expected:  # no word can be in one more often than in the other
        return 0
    return sum(max(0, out.count(w) - expected.count(w)) for w in words if w in out)


def _right_spans(out: str, expected: str) -> list[tuple[int, int]]:
    """The spans of ``expected`` that ``out`` reproduces (equal blocks), as (start, end)."""
    return list(_compared(out, expected)[1])


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def vocabulary_places(source: str, expected: str, code: str) -> list[tuple[int, int]]:
    """Spans of ``expected`` where plain OpenCC's regional vocabulary was applied and is right.

    A place is a stretch where the full config (s2twp) differs from the character-only one (s2tw),
    and the full config's output there is part of an equal block with the expected sentence.
    """
    return list(_vocabulary_places(source, expected, code))


@functools.cache
def _vocabulary_places(source: str, expected: str, code: str) -> tuple[tuple[int, int], ...]:
    # A function of the three strings (OpenCC's configs are fixed): once per process, not once per measure.
    full_cfg, chars_cfg = CONFIGS[code]
    full = opencc_converter(full_cfg).convert(source)
    chars = opencc_converter(chars_cfg).convert(source)
    if full == chars:  # no vocabulary applied: the alignment would be one equal block
        return ()
    ops = difflib.SequenceMatcher(None, chars, full, autojunk=False).get_opcodes()
    blocks = difflib.SequenceMatcher(None, full, expected, autojunk=False).get_matching_blocks()
    places = []
    for tag, _, _, j1, j2 in ops:
        if tag == "equal" or j1 == j2:
            continue
        for b in blocks:
            if b.a <= j1 and j2 <= b.a + b.size:
                places.append((b.b + j1 - b.a, b.b + j2 - b.a))
                break
    return tuple(places)


#: The conversions ``converters`` makes, in the order the figures print them.
CONVERTER_NAMES = ("opencc", "editor", "regional", "zhudu")


def converters(
    code: str, domain: str | None = None, cuts: str = "", extra: TableLayer | None = None
) -> dict[str, Callable[[str], str]]:
    """The conversions compared for variant ``code``, by name (``domain``: the text's, see ``script.domain``;
    ``None``: not known, no rule of either domain).

    ``cuts``: the word-boundary guard's mode (``cut_guard.guarded``), put after Zhudu's conversions
    (``regional``, ``zhudu``); ``""``: none.  ``extra``: a table layer after the regional one (``wikitable.py``).
    """
    variant = VARIANTS[code]
    editor = load_rules(RULES_FILE, known_variants=VARIANTS)
    made = {
        "opencc": opencc_converter(CONFIGS[code][0]).convert,
        "editor": Converter(variant, editor, regional=False).text,
        "regional": Converter(variant, ConversionRules(), domain=domain, regional=extra or True).text,  # type: ignore[arg-type]
        "zhudu": Converter(variant, editor, domain=domain, regional=extra or True).text,  # type: ignore[arg-type]
    }
    for name in ("regional", "zhudu") if cuts else ():
        chars = opencc_converter(CONFIGS[code][1]).convert
        made[name] = functools.partial(guarded, made[name], made["opencc"], chars, code, cuts)
    return made


#: Han characters a document needs for its own domain; a smaller sample is decided with its whole set.
DOMAIN_MIN_HAN = 500


def document(entry: dict[str, object]) -> str:
    """The document an entry comes from: its ``from`` up to the message, line or sentence number."""
    name = str(entry["from"])
    for sep in (" msgid", " #", ":", " line"):
        name = name.split(sep)[0]
    return name


def domains(entries: list[dict[str, object]]) -> dict[int, str]:
    """Each entry's domain (by ``id``) as a note made of its document's sentences would have it."""
    docs: dict[str, list[str]] = {}
    for e in entries:
        docs.setdefault(document(e), []).append(str(e["zh-Hans"]))
    whole = text_domain("".join(str(e["zh-Hans"]) for e in entries))
    of_doc = {
        d: text_domain(t) if han_count(t := "".join(v)) >= DOMAIN_MIN_HAN else whole for d, v in docs.items()
    }
    return {id(e): of_doc[document(e)] for e in entries}


def source_domains(rows: list[dict[str, object]], mode: str, source: str) -> dict[int, str]:
    """Each entry's site domain, read from its ``source`` sentences (a Traditional note's own: the other direction).

    ``general``, the whole set's (``site``), or its document's (``document``, as :func:`domains` reads Simplified).
    """
    docs: dict[str, str] = {}
    for e in rows:
        docs[document(e)] = docs.get(document(e), "") + str(e[source])
    whole = text_domain("".join(docs.values()))
    if mode in ("general", "site"):
        return {id(e): whole if mode == "site" else GENERAL for e in rows}
    if mode != "document":
        raise SystemExit(f"--direction from-hant: --domain-mode general, site or document, not {mode}")
    of_doc = {d: text_domain(t) if han_count(t) >= DOMAIN_MIN_HAN else whole for d, t in docs.items()}
    return {id(e): of_doc[document(e)] for e in rows}


#: Software cues (software words, code tokens: ``script.domain``) from which a sentence or passage is
#: software text whatever its site's domain.  One cue is not enough: a shopper's review names a 硬盘, a
#: news item a 版本 (the sets of general prose get worse with one); two in one sentence are rare there.
SENTENCE_MIN_CUES = 2

#: ``--domain-mode``: how each sentence's domain is decided (see ``entry_domains``); ``best`` is no
#: classifier but the ceiling of any: each sentence in whichever domain gets it right.
DOMAIN_MODES = ("general", "site", "document", "passage", "sentence", "best")


def software_cues(text: str) -> int:
    """Software words and code tokens in ``text``, each counted once (``script.domain.software_cues``)."""
    return domain_cues(text)


def sentence_domain(text: str, site_domain: str) -> str:
    """``text``'s domain from its own words: software with ``SENTENCE_MIN_CUES`` cues, else the site's.

    A function of the text and the site's domain only, so the same sentence would convert the same
    wherever it is shown (a title on its page and on a home card).  It never makes a sentence of a
    software site general: a sentence without cues says nothing (software sets' sentences without
    cues are mostly better in the software domain).
    """
    return SOFTWARE if software_cues(text) >= SENTENCE_MIN_CUES else site_domain


def entry_domains(entries: list[dict[str, object]], mode: str) -> dict[int, str | None]:
    """Each entry's domain (by ``id``) under ``mode`` (``DOMAIN_MODES``; ``best`` is decided in ``measure``).

    ``general``: none known (no rule of either domain: ``script.Converter``'s ``domain=None``); ``site``: the whole set's ``text_domain``, as an ``auto``
    site of these sentences converts; ``document``: its document's (``domains``); ``sentence``:
    ``sentence_domain`` with the site's as the prior; ``passage``: the same decided from the sentence
    and its neighbours of the same document in the set (a paragraph's worth of context).
    """
    site = text_domain("".join(str(e["zh-Hans"]) for e in entries))
    if mode == "document":
        return domains(entries)
    if mode == "sentence":
        return {id(e): sentence_domain(str(e["zh-Hans"]), site) for e in entries}
    if mode == "passage":
        of_entry: dict[int, str | None] = {}
        for i, e in enumerate(entries):
            near = [n for n in entries[max(0, i - 1) : i + 2] if document(n) == document(e)]
            of_entry[id(e)] = sentence_domain("".join(str(n["zh-Hans"]) for n in near), site)
        return of_entry
    return {id(e): site if mode in ("site", "best") else None for e in entries}


def measure(
    entries: list[dict[str, object]],
    code: str,
    show: str | None = None,
    by_domain: bool = False,
    mode: str = "",
    cuts: str = "",
    extra: TableLayer | None = None,
    names: tuple[str, ...] = CONVERTER_NAMES,
) -> dict[str, dict[str, float]]:
    """Figures for every converter of variant ``code`` (see the module docstring), or for ``names`` only.

    ``mode``: how each sentence's domain is decided (``entry_domains``); ``by_domain`` is ``document``;
    neither: ``general`` (every sentence with no domain known: only the layer's rules without one).
    The figures of one converter on the same entries measured the same way are worked out once per
    process (many tests of a run measure each set: its own, and the checks that no set got worse), so
    a measure of Zhudu alone and one of every converter share Zhudu's.
    """
    mode = mode or ("document" if by_domain else "general")
    if show is None and extra is None:
        key = json.dumps(entries, ensure_ascii=False, sort_keys=True, default=str)
        return {name: copy.deepcopy(_measured(key, code, mode, cuts, name)) for name in names}
    return _measure(entries, code, show, mode, cuts, extra, names)


@functools.cache
def _measured(entries_json: str, code: str, mode: str, cuts: str, name: str) -> dict[str, float]:
    return _measure(json.loads(entries_json), code, None, mode, cuts, None, (name,))[name]


def _measure(
    entries: list[dict[str, object]],
    code: str,
    show: str | None,
    mode: str,
    cuts: str,
    extra: TableLayer | None,
    names: tuple[str, ...] = CONVERTER_NAMES,
) -> dict[str, dict[str, float]]:
    rows = [e for e in entries if code in e]
    han = sum(han_count(str(e["zh-Hans"])) for e in rows)
    places = {id(e): vocabulary_places(str(e["zh-Hans"]), str(e[code]), code) for e in rows}
    total_places = sum(len(p) for p in places.values())
    figures: dict[str, dict[str, float]] = {}
    of_entry = entry_domains(rows, mode)
    by_name = {
        d: converters(code, d, cuts, extra)
        for d in {*of_entry.values(), *([GENERAL, SOFTWARE] if mode == "best" else [])}
    }
    for name in names:
        wrong = mainland = kept = 0
        for e in rows:
            source, expected = str(e["zh-Hans"]), str(e[code])
            also = e.get(ALSO[code])
            out = accept_alternatives(by_name[of_entry[id(e)]][name](source), expected, also)  # type: ignore[arg-type]
            bad = wrong_words(out, expected)
            if mode == "best":  # the other domain where it gets fewer words wrong
                other = SOFTWARE if of_entry[id(e)] == GENERAL else GENERAL
                out_other = accept_alternatives(by_name[other][name](source), expected, also)  # type: ignore[arg-type]
                if len(bad_other := wrong_words(out_other, expected)) < len(bad):
                    out, bad = out_other, bad_other
            wrong += len(bad)
            mainland += mainland_left(out, expected, MAINLAND[code])
            right = _right_spans(out, expected)
            kept += sum(_covered(p, right) for p in places[id(e)])
            if show == name and bad:
                print_wrong(e, out, expected, bad)
        figures[name] = {
            "sentences": len(rows),
            "han": han,
            "wrong": wrong,
            "wrong_per_1000": 1000 * wrong / han,
            "mainland": mainland,
            "mainland_per_1000": 1000 * mainland / han,
            "kept": kept,
            "places": total_places,
        }
    return figures


def tally(
    rows: list[dict[str, object]],
    han: int,
    out_of: Callable[[dict[str, object], str], str],
    expected_of: Callable[[dict[str, object]], str],
    words: list[str],
    left_key: str,
    show: bool = False,
) -> dict[str, float]:
    """One converter's figures on ``rows`` (``out_of(entry, expected)``): wrong words, and ``words`` left, per 1,000 Han.

    The other direction's measures (``from_hant``, ``tw_to_hk``), whose left words are ``left_key``'s.
    """
    wrong = left = 0
    for e in rows:
        expected = expected_of(e)
        out = out_of(e, expected)
        bad = wrong_words(out, expected)
        wrong += len(bad)
        left += mainland_left(out, expected, words)
        if show and bad:
            print_wrong(e, out, expected, bad)
    return {
        "sentences": len(rows),
        "han": han,
        "wrong": wrong,
        "wrong_per_1000": 1000 * wrong / max(han, 1),
        left_key: left,
        f"{left_key}_per_1000": 1000 * left / max(han, 1),
    }


def print_wrong(entry: dict[str, object], out: str, expected: str, bad: list[tuple[str, str]]) -> None:
    """``--show``'s lines for one sentence a converter gets wrong."""
    print(f"  {entry['from']}\n    got  {out}\n    want {expected}\n    {bad}")


def main(argv: list[str] | None = None) -> int:
    """Print the figures table (and, with ``--show``, one converter's wrong sentences)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--show", help="list the sentences this converter gets wrong (opencc, editor, regional, zhudu)"
    )
    parser.add_argument("--variant", choices=["TW", "HK"], help="only this variant")
    parser.add_argument(
        "--set",
        choices=[*SETS, *FROM_HANT_SETS, "all"],
        default="review",
        help="which set, or all (default: review)",
    )
    parser.add_argument(
        "--direction",
        choices=["from-hans", "from-hant"],
        default="from-hans",
        help="from-hant: the set's Traditional sentences into Simplified, a Traditional note's zh-Hans page (from_hant.py)",
    )
    parser.add_argument(
        "--to",
        choices=["zh-Hans", "zh-Hant-HK", "zh-Hant-TW"],
        default="zh-Hans",
        help="from-hant: zh-Hant-HK measures a Taiwan note's Hong Kong page, zh-Hant-TW a Hong Kong note's Taiwan page"
        " (tw_to_hk.py; --set tw-to-hk, hk-to-tw or all)",
    )
    parser.add_argument(
        "--half",
        choices=["rules", "heldout"],
        default="",
        help="from-hant: one half of hexo-tw, firefox-tw, python-tw or libreoffice-tw",
    )
    parser.add_argument(
        "--domain-mode",
        choices=DOMAIN_MODES,
        default="general",
        help="how each sentence's domain is decided (entry_domains; default: general, every sentence with none)",
    )
    parser.add_argument(
        "--domains",
        action="store_const",
        const="document",
        dest="domain_mode",
        help="the same as --domain-mode document: each sentence with its document's domain",
    )
    parser.add_argument(
        "--cut-guard",
        choices=[f"{m}{f}" for m in ("all", "partial", "strict") for f in ("", "-chars", "-regional")],
        default="",
        help="undo OpenCC phrases read across jieba's words after Zhudu's conversion (cut_guard.py)",
    )
    parser.add_argument("--extra-table", default="", help="PATH[:MODE[:KINDS]]: see wikitable.py")
    args = parser.parse_args(argv)
    if args.direction == "from-hant" and args.to in ("zh-Hant-HK", "zh-Hant-TW"):
        import tw_to_hk  # here, not at the top: it imports this module

        sets = tw_to_hk.SETS if args.to == "zh-Hant-HK" else tw_to_hk.MIRROR_SETS
        if args.set not in ("review", "all", *sets):
            parser.error(f"--to {args.to}: --set {args.set} has no other region's sentences with a label")
        tw_to_hk.report(list(sets), args.domain_mode, args.show, sets, args.to)
        return 0
    if args.set in ("tw-to-hk", "hk-to-tw"):
        parser.error(
            f"--set {args.set} is another region's note's page: add --direction from-hant --to zh-Hant-HK or zh-Hant-TW"
        )
    if args.direction == "from-hant":
        import from_hant  # here, not at the top: it imports this module

        sets = [*from_hant.SETS, *SETS] if args.set == "all" else [args.set]
        from_hant.report(sets, args.variant, args.half, args.show, args.domain_mode)
        return 0
    if args.set in FROM_HANT_SETS:
        parser.error(f"--set {args.set} is a set of Traditional notes: add --direction from-hant")
    options = {"mode": args.domain_mode, "cuts": args.cut_guard, "extra": table_layer(args.extra_table)}
    names = list(SETS) if args.set == "all" else [args.set]
    for set_name, code in ((n, c) for n in names for c in CONFIGS):
        if args.variant and not code.endswith(args.variant):
            continue
        figures = measure(load_review(SETS[set_name]), code, args.show, **options)  # type: ignore[arg-type]
        first = next(iter(figures.values()))
        print(
            f"{set_name} {code}: {first['sentences']} sentences, {first['han']} Han characters"
            f" (domain mode {args.domain_mode})"
        )
        print(f"  {'converter':<10} {'wrong':>6} {'/1000':>7} {'mainland':>9} {'/1000':>7} {'kept':>11}")
        for name, f in figures.items():
            print(
                f"  {name:<10} {f['wrong']:>6} {f['wrong_per_1000']:>7.2f} {f['mainland']:>9}"
                f" {f['mainland_per_1000']:>7.2f} {f['kept']:>5}/{f['places']:<5}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
