"""Names a reader must type stay as written in every variant (issue 25): a quoted name after 搜索 /
公众号 … even where an editor's phrase rule sits inside it, and @handles written in Han characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhudu.script.audit import audit
from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter, load_rules

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml", known_variants=VARIANTS)
TRADITIONAL = ["zh-Hant-TW", "zh-Hant-HK"]


def _private_use(text: str) -> list[str]:
    """Characters of Unicode plane 15 / 16 (the converter's placeholders) left in ``text``."""
    return [ch for ch in text if ord(ch) >= 0xF0000]


@pytest.mark.parametrize("code", TRADITIONAL)
@pytest.mark.parametrize(
    ("source", "name"),
    [
        # 数据中心 is a Taiwan phrase of the shipped conversion.yml, 程序员 a Hong Kong one: inside the
        # quotation they once left their placeholder in the output (the name's placeholder held theirs).
        ("微信搜索“数据中心发布”即可关注。", "数据中心发布"),
        ("搜索「程序员的发布系统」即可。", "程序员的发布系统"),
        ("微信搜索“阮一峰的网络日志”，关注后即可收到更新。", "阮一峰的网络日志"),
    ],
)
def test_a_quoted_name_to_type_stays_as_written_whatever_rule_it_contains(
    code: str, source: str, name: str
) -> None:
    converter = Converter(VARIANTS[code], RULES)
    for out in (converter.text(source), converter.html(f"<p>{source}</p>")):
        assert name in out, out
        assert _private_use(out) == [], out
    # The words around the name still convert.
    assert "搜尋" in converter.text(source)


@pytest.mark.parametrize("code", TRADITIONAL)
def test_han_handles_stay_as_written(code: str) -> None:
    converter = Converter(VARIANTS[code], ConversionRules())
    source = "关注 @阮一峰的网络日志 获取更新，或者在微博上 @张三丰_发布 和 @abc，他们会回复。"
    out = converter.text(source)
    for handle in ("@阮一峰的网络日志", "@张三丰_发布", "@abc"):
        assert handle in out, out
    # The text after a handle is converted (a handle ends at a space or punctuation).
    assert "會回覆" in out and "關注" in out
    assert converter.html(f"<p>{source}</p>") == f"<p>{out}</p>"


@pytest.mark.parametrize("code", TRADITIONAL)
@pytest.mark.parametrize(
    ("source", "handle", "converted"),
    [
        # A clipped X thread: the name is ASCII, the sentence goes on right after it.
        ("@elonmusk说了一句：软件很难。", "@elonmusk", "了一句"),
        ("@sama表示，这个软件", "@sama", "這個"),
        ("看@OpenAI的博客", "@OpenAI", "的"),
        ("@dhh_2在推上转发了", "@dhh_2", "推上"),
        ("@a-b回复说", "@a-b", "回"),
    ],
)
def test_a_latin_handle_ends_where_the_sentence_goes_on(
    code: str, source: str, handle: str, converted: str
) -> None:
    converter = Converter(VARIANTS[code], ConversionRules())
    out = converter.text(source)
    assert out.startswith(handle) or f"看{handle}" in out, out
    assert out != source and converted in out, out  # the words after it converted
    assert converter.html(f"<p>{source}</p>") == f"<p>{out}</p>"


@pytest.mark.parametrize("code", TRADITIONAL)
@pytest.mark.parametrize(
    "source",
    ["关注@Linux中国发布的消息", "关注@BBC中文网，看新闻", "@阮一峰说过", "@boost传参", "转自@AI研习社"],
)
def test_a_mixed_or_han_handle_stays_whole(code: str, source: str) -> None:
    # A Weibo name goes on with a noun (@Linux中国, @BBC中文网, @AI研习社); a Han one is read to a space or a mark;
    # any other word after a Latin name (传参) keeps the handle whole too.
    out = Converter(VARIANTS[code], ConversionRules()).text(source)
    handle = source[source.index("@") :].split("，")[0]
    assert handle in out, out


def test_an_at_sign_after_a_latin_letter_is_no_handle() -> None:
    # user@主机 is an address-like token, not a mention: the Han text after it converts as usual.
    out = Converter(VARIANTS["zh-Hant-TW"], ConversionRules()).text("登录 user@服务器 即可。")
    assert out == "登入 user@伺服器 即可。"


def test_the_audit_counts_a_name_to_type_as_reviewed() -> None:
    entries = audit("微信搜索“数据中心发布”即可。", VARIANTS["zh-Hant-TW"], RULES, "n.md")
    inside = [e for e in entries if e.text in "数据中心发布"]
    assert inside, "the audit should see OpenCC's choices inside the name"
    assert all(e.reviewed and "kept as written" in e.reviewed_by for e in inside)
