"""Conversion quality the other way (issue 25): notes written in Traditional, shown on the zh-Hans site.

``bench_conversion.py --direction from-hant`` prints these figures; the measures are ``bench_conversion``'s
(``wrong_words``, ``han_count``, per 1,000 Han characters of the source), with the roles of the set's fields
swapped: the source is the Traditional sentence (``zh-Hant-TW`` / ``zh-Hant-HK``), the expected output its
``zh-Hans`` sentence as a careful mainland editor writes it.

Sets:

* ``hexo-tw`` (``tests/conversion_from_hant.yml``): the Hexo documentation's human Taiwan translation, each sentence
  with its mainland form; ``--half rules`` or ``--half heldout`` measures one half (see the file's header);
* ``firefox-tw`` (``tests/conversion_from_hant_firefox.yml``): Firefox ESR's Taiwan language pack (error pages,
  preferences, certificate messages), 300 sentences with their mainland form, in the same two halves;
* ``python-tw`` (``tests/conversion_from_hant_python.yml``): the Python tutorial's Taiwan translation
  (python-docs-zh-tw), 300 sentences of prose with their mainland form, in the same two halves;
* ``libreoffice-tw`` (``tests/conversion_from_hant_libreoffice.yml``): LibreOffice 7.4's help in its Taiwan
  translation (options, menus and dialogs of Writer, Impress, charts, the wizards), 300 sentences with their mainland
  form, in the same two halves;
* every from-Simplified set read backwards: the source is its Taiwan (Hong Kong) label, Traditional text with that
  region's words, the expected output its Simplified sentence, the mainland original.  A label keeps the
  original's wording, so a word the original has and the label puts the regional way is the mainland word.

Converters: ``t2s`` (OpenCC's characters only), ``tw2sp`` (OpenCC with its Taiwan-to-mainland phrases; ``hk2s`` for
Hong Kong, which has none), ``zhudu`` (as the site converts a Traditional note for zh-Hans: ``Converter`` with the
editor's rules and the regional layer's ``from-hant`` rules, no domain known).

Figures: **wrong** (clear-cut wrong words, as ``bench_conversion``) and **taiwan** (``TAIWAN``'s words left that
the expected sentence does not have).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import bench_conversion as bc

SETS = {
    "hexo-tw": bc.ROOT / "tests" / "conversion_from_hant.yml",
    "firefox-tw": bc.ROOT / "tests" / "conversion_from_hant_firefox.yml",
    "python-tw": bc.ROOT / "tests" / "conversion_from_hant_python.yml",
    "libreoffice-tw": bc.ROOT / "tests" / "conversion_from_hant_libreoffice.yml",
}

#: OpenCC's configs compared for a Traditional source of each region: characters only, and with phrases.
CONFIGS = {"zh-Hant-TW": ("t2s", "tw2sp"), "zh-Hant-HK": ("t2s", "hk2s")}

#: Taiwan (and Hong Kong) words, as t2s writes them, a mainland writer would not use in the sense the sets have
#: them.  Counted only where the expected sentence has fewer of them than the output.
TAIWAN = (  # noqa: SIM905  (a word list reads better as one string)
    "资料夹 预设 软体 硬体 程式 档案 伺服器 使用者 网路 外挂 变数 产生器 布署 远端 快取 除错 非同步 自订 "
    "连结 载入 专案 储存库 汇出 汇入 相容 阵列 函式 回传 字串 萤幕 滑鼠 记忆体 部落格 网志 频宽 "
    "作业系统 硬碟 执行绪 建置 型别 连接埠 终端机"
).split()


@functools.cache
def converters(code: str, domain: str = bc.GENERAL) -> dict[str, Callable[[str], str]]:
    """The conversions compared for a Traditional source of variant ``code``'s region, by name (``domain``: Zhudu's)."""
    editor = bc.load_rules(bc.RULES_FILE, known_variants=bc.VARIANTS)
    chars, phrases = CONFIGS[code]
    return {
        chars: bc.opencc_converter(chars).convert,
        phrases: bc.opencc_converter(phrases).convert,
        # As a note of the source's region folds it (``own``: its region's from-hant rules, ``RegionalRule.region``).
        "zhudu": bc.Converter(
            bc.VARIANTS["zh-Hans"], editor, source_script="Hant", domain=domain, own=bc.VARIANTS[code]
        ).text,
    }


def load(path: Path, half: str = "") -> list[dict[str, object]]:
    """A set's entries, only those of ``half`` when given (``rules`` / ``heldout``, ``conversion_from_hant.yml``)."""
    return [e for e in bc.load_review(path) if not half or e.get("half") == half]


def measure(
    entries: list[dict[str, object]], code: str, show: str | None = None, mode: str = "general"
) -> dict[str, dict[str, float]]:
    """Figures per converter for the entries' ``code`` sentences converted into Simplified.

    ``mode``: how Zhudu's domain is decided (``bc.source_domains``: ``general``, ``site`` or ``document``, from the
    Traditional text, as the site reads a note's).
    """
    rows = [e for e in entries if code in e]
    han = sum(bc.han_count(str(e[code])) for e in rows)
    of_entry = bc.source_domains(rows, mode, code)
    made = {
        name: lambda e, name=name: converters(code, of_entry[id(e)])[name](str(e[code]))
        for name in converters(code)
    }
    return {
        name: bc.tally(
            rows,
            han,
            lambda e, _, convert=convert: convert(e),
            lambda e: str(e["zh-Hans"]),
            TAIWAN,
            "taiwan",
            show == name,
        )
        for name, convert in made.items()
    }


def report(
    set_names: list[str], variant: str | None, half: str, show: str | None, mode: str = "general"
) -> None:
    """Print the figures of each set (``SETS`` or ``bench_conversion.SETS``) for each region's source."""
    for set_name in set_names:
        path = SETS.get(set_name) or bc.SETS[set_name]
        for code in CONFIGS:
            if variant and not code.endswith(variant):
                continue
            figures = measure(load(path, half), code, show, mode)
            first = next(iter(figures.values()))
            if not first["sentences"]:
                continue
            print(
                f"{set_name}{f' ({half})' if half else ''} {code} → zh-Hans: {first['sentences']} sentences,"
                f" {first['han']} Han characters (domain mode {mode})"
            )
            print(f"  {'converter':<10} {'wrong':>6} {'/1000':>7} {'taiwan':>7} {'/1000':>7}")
            for name, f in figures.items():
                print(
                    f"  {name:<10} {f['wrong']:>6} {f['wrong_per_1000']:>7.2f} {f['taiwan']:>7}"
                    f" {f['taiwan_per_1000']:>7.2f}"
                )
