"""Tests for the default regional vocabulary layer (hooks/zhudu/data/regional.yml) and the review set."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from zhudu.regional import default_regional, load_regional
from zhudu.script import DEFAULT_VARIANTS, ConversionRules, Converter, load_rules, opencc_converter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_conversion  # noqa: E402  (bench/ is put on the path above)

HANS, TW, HK = DEFAULT_VARIANTS
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml", known_variants=VARIANTS)
LAYER = default_regional()


def _targets(rule) -> list:
    """The variants a rule applies to (a prefix key applies to each variant under it)."""
    return [v for v in DEFAULT_VARIANTS if v.code == rule.code or v.code.startswith(rule.code + "-")]


def _convert(variant, script: str, text: str, regional: bool = True) -> str:
    return Converter(variant, ConversionRules(), source_script=script, regional=regional).text(text)


RULE_CASES = [
    pytest.param(rule, variant, id=f"{variant.code}-{rule.word}-{rule.out}")
    for rule in LAYER.rules
    for variant in _targets(rule)
]


@pytest.mark.parametrize(("rule", "variant"), RULE_CASES)
def test_rule_fires_on_its_example(rule, variant) -> None:
    """Every rule's example sentence shows the rule's output (the rule is not dead)."""
    assert rule.out in _convert(variant, rule.script, rule.example)


@pytest.mark.parametrize(
    ("rule", "variant"),
    [c for c in RULE_CASES if c.values[0].negatives],  # type: ignore[attr-defined]
)
def test_rule_does_not_fire_on_its_negatives(rule, variant) -> None:
    """Where the sense does not fit, the word converts as it would without the rule."""
    for sentence in rule.negatives:
        with_layer = _convert(variant, rule.script, sentence)
        others = [r for r in LAYER.rules if r is not rule]
        from zhudu.regional import RegionalRules

        without_rule = Converter(
            variant, ConversionRules(), source_script=rule.script, regional=RegionalRules(tuple(others))
        ).text(sentence)
        assert with_layer == without_rule, sentence


@pytest.mark.parametrize(
    ("variant", "source", "expected"),
    [
        # Must-not-fire sentences for the known OpenCC error classes (the fix is narrow).
        (TW, "每个字符占用两个字节。", "每個字元佔用兩個位元組。"),
        (TW, "字节推出的豆包大模型用户增长很快。", "字節推出的豆包大模型使用者增長很快。"),
        (TW, "开源社区贡献了大量插件。", "開源社群貢獻了大量外掛。"),
        (TW, "社区和乡镇可以就地组装产品。", "社區和鄉鎮可以就地組裝產品。"),
        (TW, "这项法案已经通过了。", "這項法案已經通過了。"),
        (TW, "我们通过网络下载了模型。", "我們透過網路下載了模型。"),
        (TW, "点击这里返回首页。", "點選這裡返回首頁。"),
        (TW, "这个方法将返回空字符串。", "這個方法將回傳空字串。"),
        (TW, "将军下达命令后部队出发了。", "將軍下達命令後部隊出發了。"),
        (TW, "他每天晚上都看这个电视频道的新闻。", "他每天晚上都看這個電視頻道的新聞。"),
        (TW, "这个短语由多个单词组成。", "這個短語由多個單字組成。"),
        (HK, "这只在理论上是可能的。", "這只在理論上是可能的。"),
        (HK, "这只猫很可爱。", "這隻貓很可愛。"),
        (HK, "他用自制的工具修好了门锁。", "他用自製的工具修好了門鎖。"),
        (HK, "他缺乏自制能力。", "他缺乏自制能力。"),
        (HK, "仓库着火并蔓延到了附近的工厂。", "倉庫着火並蔓延到了附近的工廠。"),
        (HK, "两个帮派发生了火并。", "兩個幫派發生了火併。"),
        (TW, "他在厨房和面。", "他在廚房和麵。"),
        (TW, "和面向一般用户的产品", "和面向一般使用者的產品"),
        (HK, "和面向一般用户的产品", "和面向一般用户的產品"),
    ],
)
def test_known_error_classes(variant, source: str, expected: str) -> None:
    assert _convert(variant, "Hans", source) == expected


def test_traditional_note_into_simplified_uses_mainland_words() -> None:
    """t2s converts characters only; the layer turns Taiwan words into Mainland ones."""
    source = "把檔案儲存到資料夾，預設使用本機伺服器；手機的儲存空間不夠了。"
    plain = opencc_converter("t2s").convert(source)
    assert "资料夹" in plain and "预设" in plain  # what t2s alone gives
    assert _convert(HANS, "Hant", source) == "把文件保存到文件夹，默认使用本机服务器；手机的存储空间不够了。"


def test_editor_rules_win_over_the_layer() -> None:
    """An editor's phrase (conversion.yml) covers the place; the layer does not touch it."""
    rules = ConversionRules(phrases={"zh-Hant-TW": {"发布": "釋出"}}, protected=("社区",))
    out = Converter(TW, rules).text("社区发布了新版本，参数也变了。")
    assert out == "社区釋出了新版本，參數也變了。"


def test_the_layer_can_be_switched_off() -> None:
    assert Converter(TW, ConversionRules(), regional=False).text("发布") == "釋出"
    assert Converter(TW, ConversionRules()).text("发布") == "發布"


def test_layer_file_errors_name_the_rule(tmp_path: Path) -> None:
    bad = tmp_path / "regional.yml"
    bad.write_text(
        "from-hans:\n  zh-Hant-TW:\n    - word: 发布\n      out: 發布\n      why: x\n      example: 没有\n"
    )
    with pytest.raises(ValueError, match=r"rule 1 .发布.: the example does not contain the word"):
        load_regional(bad)
    bad.write_text("from-hans:\n  zh-Hant-TW:\n    - word: 发布\n      out: 發布\n      example: 发布\n")
    with pytest.raises(ValueError, match="'why' is required"):
        load_regional(bad)


# --------------------------------------------------------------------------
# The review set
# --------------------------------------------------------------------------

REVIEW = yaml.safe_load((ROOT / "tests" / "conversion_review.yml").read_text(encoding="utf-8"))


def test_review_set_shape() -> None:
    assert len(REVIEW) >= 300
    for entry in REVIEW:
        assert entry["from"] and entry["zh-Hans"] and entry["zh-Hant-TW"]
        for key in ("judged-tw", "judged-hk"):
            for word in entry.get(key, {}):
                assert word in entry["zh-Hans"], (entry["from"], word)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_review_set_no_worse_than_opencc(code: str) -> None:
    """Zhudu (layer + editor's rules) beats plain OpenCC and keeps every right OpenCC regional word."""
    figures = bench_conversion.measure(REVIEW, code)
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] < plain["wrong"] / 4
    assert zhudu["mainland"] <= plain["mainland"]
    assert zhudu["kept"] == zhudu["places"]
