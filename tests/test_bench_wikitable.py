"""bench_conversion's ``--extra-table``: MediaWiki's regional phrase tables after Zhudu's layer (issue 25, session 37).

A prototype measured in the bench only (bench/RESULTS.md, session 37 — wikitable): these tests pin which entries
its rule selects and where they fire, with real OpenCC and a small table in MediaWiki's own file format (entries of
``ZhConversion.php``'s ``zh2TW``, and ``数字化石``, a made-up phrase standing for the longer phrases of ``zh2Hant``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter, opencc_converter
from zhudu.script.regional import default_regional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)
from wikitable import TableLayer, entry_kind, parity, read_tables, table_layer  # noqa: E402

TW = "zh-Hant-TW"
VARIANT = {v.code: v for v in DEFAULT_VARIANTS}[TW]
TABLE = {
    "zh2Hant": {"数字化石": "數字化石", "软": "軟"},
    "zh2TW": {
        "智能手机": "智慧型手機",  # s2twp writes 智慧手機: the table overrides OpenCC's swap
        "俯卧撑": "伏地挺身",  # s2twp writes 俯臥撐: a Mainland word OpenCC leaves
        "电子烟": "電子菸",  # 煙 / 菸: one character in Simplified, a form convention
        "数字化": "數位化",
        "软件": "軟體",  # what s2twp writes already: not selected
        "軟件": "軟體",  # written in Traditional: a Simplified text never holds it
        "烟": "菸",  # one character
    },
    "zh2HK": {"俯卧撑": "掌上壓"},
}


def _php(tables: dict[str, dict[str, str]]) -> str:
    """``tables`` written as MediaWiki's ``ZhConversion.php`` writes them."""
    body = "".join(
        f"public static ${name} = [\n" + "".join(f"'{k}' => '{v}',\n" for k, v in entries.items()) + "];\n"
        for name, entries in tables.items()
    )
    return f"<?php\nclass ZhConversion {{\n{body}}}\n"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "ZhConversion.php"
    path.write_text(_php(TABLE), encoding="utf-8")
    return path


def test_the_rule_keeps_phrases_whose_value_is_not_openccs_and_names_their_kind(table: Path):
    assert read_tables(table)["zh2TW"] == TABLE["zh2TW"]
    assert entry_kind("智能手机", "智慧型手機", TW) == ("override", "智慧手機")
    assert entry_kind("俯卧撑", "伏地挺身", TW) == ("left", "俯臥撐")
    assert entry_kind("电子烟", "電子菸", TW) == ("glyph", "電子煙")
    for key, value in (("软件", "軟體"), ("軟件", "軟體"), ("烟", "菸")):
        assert entry_kind(key, value, TW) is None, key
    selected = table_layer(str(table)).matcher_for(TW).entries  # type: ignore[union-attr]
    assert [e.key for e in selected] == ["智能手机", "俯卧撑", "数字化"]  # longest first; glyphs left out
    assert [e.key for e in table_layer(f"{table}:fmm:glyph").matcher_for(TW).entries] == ["电子烟"]  # type: ignore[union-attr]


def test_an_entry_fires_only_where_mediawiki_reads_its_key_in_fmm_mode(table: Path):
    fmm = table_layer(str(table)).matcher_for(TW)  # type: ignore[union-attr]
    every = table_layer(f"{table}:all").matcher_for(TW)  # type: ignore[union-attr]
    # 数字化石: MediaWiki's forward maximum matching reads the longer phrase, so 数字化 is not a word there.
    assert list(fmm.places("这是数字化石的照片")) == []
    assert [fmm.entries[i].key for _, i in every.places("这是数字化石的照片")] == ["数字化"]
    assert [(p, fmm.entries[i].key) for p, i in fmm.places("数字化的俯卧撑")] == [
        (0, "数字化"),
        (4, "俯卧撑"),
    ]


def _convert(layer: TableLayer | bool, text: str, code: str = TW) -> str:
    variant = {v.code: v for v in DEFAULT_VARIANTS}[code]
    return Converter(variant, ConversionRules(), regional=layer).text(text)  # type: ignore[arg-type]


def test_the_table_writes_its_values_after_the_regional_layer_and_before_opencc(table: Path):
    layer = table_layer(str(table))
    assert _convert(layer, "我买了智能手机，每天做俯卧撑。") == "我買了智慧型手機，每天做伏地挺身。"  # type: ignore[arg-type]
    assert _convert(layer, "这是数字化石的照片") == _convert(True, "这是数字化石的照片")  # type: ignore[arg-type]
    # Hong Kong reads zh2HK; the Taiwan value never reaches it.
    assert _convert(layer, "每天做俯卧撑。", "zh-Hant-HK") == "每天做掌上壓。"  # type: ignore[arg-type]
    # Alone (over plain OpenCC) it is the same table without the regional layer's names to keep.
    alone = table_layer(str(table), over_layer=False)
    assert alone.keep_pattern() is None  # type: ignore[union-attr]
    assert _convert(alone, "我买了智能手机。") == "我買了智慧型手機。"  # type: ignore[arg-type]


def test_the_regional_layers_rule_wins_where_a_table_key_is_its_word(tmp_path: Path):
    plain = opencc_converter("s2twp").convert
    rule = next(
        r
        for r in default_regional().rules_for(TW, "Hans")
        if not (r.next or r.prev or r.not_next or r.not_prev or r.domain)
        and len(r.word) > 1
        and opencc_converter("t2s").convert(r.word) == r.word
        and plain(r.word) != r.out
    )
    # The rule's word itself, and a key across its last character and the next (a key read first without the
    # layer: it starts at the word's end, but the layer's place is taken before the table looks).
    after = rule.example[rule.example.index(rule.word) + len(rule.word) :][:1]
    keys = {rule.word: "ＸＸ", rule.word[-1] + after: "ＹＹ"}
    path = tmp_path / "ZhConversion.php"
    path.write_text(_php({"zh2Hant": {}, "zh2TW": keys, "zh2HK": keys}))
    for mode in ("fmm", "all"):
        layer = table_layer(f"{path}:{mode}")
        assert {e.key for e in layer.matcher_for(TW).entries} == set(keys)  # type: ignore[union-attr]
        out = _convert(layer, rule.example)  # type: ignore[arg-type]
        assert "ＸＸ" not in out and "ＹＹ" not in out
        assert out == _convert(True, rule.example)
        assert "ＸＸ" in _convert(table_layer(f"{path}:{mode}", over_layer=False), rule.example)  # type: ignore[arg-type]


def test_the_bench_measures_with_the_table(table: Path):
    entries = [{"from": "test #1", "zh-Hans": "他在做俯卧撑。", TW: "他在做伏地挺身。"}]
    without = bench_conversion.measure(entries, TW)
    with_table = bench_conversion.measure(entries, TW, extra=table_layer(str(table)))
    assert (without["zhudu"]["wrong"], with_table["zhudu"]["wrong"]) == (1, 0)
    assert with_table["opencc"]["wrong"] == 1  # plain OpenCC is not given the table
    assert bench_conversion.main(["--set", "review", "--variant", "TW", "--extra-table", f"{table}:all"]) == 0


def test_a_file_without_the_tables_is_named_and_the_spec_checked(tmp_path: Path):
    path = tmp_path / "empty.php"
    path.write_text("<?php\n")
    with pytest.raises(ValueError, match=r"empty\.php: no zh2Hant, zh2TW and zh2HK tables"):
        read_tables(path)
    with pytest.raises(SystemExit, match="kinds left, override, glyph"):
        table_layer(f"{path}:fmm:names")
    assert [parity(n) for n in ("review", "heldout", "heldout2", "heldout31")] == [
        "review",
        "odd",
        "even",
        "odd",
    ]
