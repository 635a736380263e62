"""Tests for the default regional vocabulary layer (hooks/zhudu/script/data/regional.yml) and the review set."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter, load_rules, opencc_converter
from zhudu.script.regional import default_regional, load_regional

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
        from zhudu.script.regional import RegionalRules

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


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_names_a_reader_must_type_stay_as_written(code: str) -> None:
    """A quoted account name or search term after 搜索 / 公众号 is what the reader types: not converted."""
    convert = Converter(VARIANTS[code], RULES).text
    assert convert("微信搜索“阮一峰的网络日志”，关注后即可收到更新。").startswith(
        "微信搜尋「阮一峰的网络日志」"
    )
    assert convert("关注公众号：「阮一峰的网络日志」") == "關注公眾號：「阮一峰的网络日志」"
    # The same words inside a quotation that follows something else are converted as usual.
    assert "网络日志" not in convert("他搜集了很多“网络日志”。")
    # The same in a page (markup between the marks and the name is not handled: see the report).
    html = Converter(VARIANTS[code], RULES).html('<p>请在<a href="#">微信</a>搜索“阮一峰的网络日志”。</p>')
    assert "「阮一峰的网络日志」" in html


def test_names_a_reader_must_type_stay_as_written_into_simplified() -> None:
    convert = Converter(HANS, RULES, source_script="Hant").text
    assert convert("在微信搜尋「數位時代」。") == "在微信搜寻「數位時代」。"


def test_keep_as_written_example_and_negatives() -> None:
    keep = LAYER.keep
    assert keep is not None and keep.why
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        out = Converter(VARIANTS[code], ConversionRules()).text(keep.example)
        quoted = keep.example.split("“")[1].split("”")[0]
        assert quoted in out, out
        for sentence in keep.negatives:
            assert Converter(VARIANTS[code], ConversionRules()).text(sentence) == opencc_converter(
                VARIANTS[code].config_for("Hans")
            ).convert(sentence)


HELDOUT = yaml.safe_load((ROOT / "tests" / "conversion_heldout.yml").read_text(encoding="utf-8"))


def test_heldout_set_shape() -> None:
    """At least 150 real sentences (none constructed), none of them in the first review set."""
    assert len(HELDOUT) >= 150
    first = {entry["zh-Hans"] for entry in REVIEW}
    for entry in HELDOUT:
        assert entry["from"] != "constructed" and entry["zh-Hans"] not in first
        assert entry["zh-Hant-TW"] and entry["zh-Hant-HK"]


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_heldout_set_no_worse_than_opencc(code: str) -> None:
    """On the held-out set Zhudu keeps every right OpenCC word and leaves at most 2 mainland words per 1,000."""
    figures = bench_conversion.measure(HELDOUT, code)
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] < plain["wrong"]
    assert zhudu["kept"] == zhudu["places"]
    assert zhudu["mainland_per_1000"] <= 2


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Hong Kong words of the conversion issue.
        ("zh-Hant-HK", "在线演示：请打开下面的链接。", "線上演示：請打開下面的連結。"),
        ("zh-Hant-HK", "他每天骑自行车去澳大利亚人开的店。", "他每天騎單車去澳洲人開的店。"),
        ("zh-Hant-HK", "请填写邮箱地址，文章会发到你的邮箱。", "請填寫電郵地址，文章會發到你的電郵信箱。"),
        ("zh-Hant-HK", "他的博客介绍了自研芯片和内存。", "他的網誌介紹了自研晶片和記憶體。"),
        ("zh-Hant-HK", "man 是系统的手册分页程序。", "man 是系統的手冊分頁程式。"),
        # Systematic Taiwan errors the held-out set showed.
        ("zh-Hant-TW", "限制该处理器所要处理的文件类型。", "限制該處理器所要處理的檔案類型。"),
        ("zh-Hant-TW", "对于自定义属性请使用对象类型。", "對於自訂屬性請使用物件型別。"),
        ("zh-Hant-TW", "使用扩展十六进制字母表。", "使用擴展十六進位字母表。"),
        ("zh-Hant-TW", "有 3 个软件包没有被完全安装。", "有 3 個套件沒有被完全安裝。"),
        ("zh-Hant-TW", "这时一般会以下划线代替。", "這時一般會以底線代替。"),
        ("zh-Hant-TW", "从工作区中删除未跟踪文件。", "從工作區中刪除未追蹤檔案。"),
        (
            "zh-Hant-TW",
            "请改用 file:// 协议。本项目采用 MIT 协议。",
            "請改用 file:// 協定。本專案採用 MIT 協議。",
        ),
    ],
)
def test_heldout_error_classes(code: str, source: str, expected: str) -> None:
    assert Converter(VARIANTS[code], RULES).text(source) == expected


HELDOUT2 = yaml.safe_load((ROOT / "tests" / "conversion_heldout2.yml").read_text(encoding="utf-8"))


def test_heldout2_set_shape() -> None:
    """At least 200 real sentences, each with its source, none shared with the other two sets, and
    every judged word in its zh-Hans sentence.  (No error figure is asserted: rules were since
    written from this set, see bench/bench_conversion.py --set heldout2.)"""
    assert len(HELDOUT2) >= 200
    others = {entry["zh-Hans"] for entry in REVIEW} | {entry["zh-Hans"] for entry in HELDOUT}
    seen = set()
    for entry in HELDOUT2:
        assert entry["from"] and entry["from"] != "constructed", entry
        assert entry["zh-Hans"] and entry["zh-Hant-TW"] and entry["zh-Hant-HK"], entry["from"]
        assert entry["zh-Hans"] not in others, entry["zh-Hans"]
        assert entry["zh-Hans"] not in seen, entry["zh-Hans"]
        seen.add(entry["zh-Hans"])
        for key in ("judged-tw", "judged-hk"):
            for word in entry.get(key, {}):
                assert word in entry["zh-Hans"], (entry["from"], word)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Error classes of the second held-out set, in sentences of their own.
        ("zh-Hant-TW", "按回车键确认，或按 Esc 取消。", "按 Enter 鍵確認，或按 Esc 取消。"),
        ("zh-Hant-HK", "（回车键）", "（Enter 鍵）"),
        ("zh-Hant-TW", "请把磁盘设为只读。他只读过一遍。", "請把磁碟設為唯讀。他只讀過一遍。"),
        (
            "zh-Hant-HK",
            "进程被挂起后可以用 fg 恢复。他把帽子挂起来了。",
            "進程被暫停後可以用 fg 恢復。他把帽子掛起來了。",
        ),
        ("zh-Hant-TW", "他完成了工作并为此感到骄傲。", "他完成了工作並為此感到驕傲。"),
        (
            "zh-Hant-TW",
            "该服务器证书已过期。他获得了教师资格证书。",
            "該伺服器憑證已過期。他獲得了教師資格證書。",
        ),
        (
            "zh-Hant-TW",
            "远程会话已断开。两国领导人举行了会话。",
            "遠端工作階段已斷開。兩國領導人舉行了會話。",
        ),
        (
            "zh-Hant-TW",
            "数据库事务日志已满。他负责公司的日常事务。",
            "資料庫交易日誌已滿。他負責公司的日常事務。",
        ),
        (
            "zh-Hant-TW",
            "国家代码是 86。这段错误代码导致了崩溃。",
            "國家代碼是 86。這段錯誤程式碼導致了崩潰。",
        ),
        ("zh-Hant-TW", "只打印出错误信息。", "只列印出錯誤訊息。"),
        (
            "zh-Hant-HK",
            "请先登录。滚动窗口的大小。请到三号窗口办理。",
            "請先登入。滾動視窗的大小。請到三號窗口辦理。",
        ),
        ("zh-Hant-HK", "上传视频。我们明天开视频会议。", "上傳影片。我們明天開視頻會議。"),
    ],
)
def test_heldout2_error_classes(code: str, source: str, expected: str) -> None:
    assert Converter(VARIANTS[code], RULES).text(source) == expected
