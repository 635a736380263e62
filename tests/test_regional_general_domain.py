"""The regional layer's ``domain: general`` rules: the everyday sense where s2twp writes the software one.

s2twp's phrase table swaps 对象 for 物件, 屏蔽 for 遮蔽, 循环 for 迴圈 whatever the text is about.  A rule marked
``domain: general`` keeps the character-only word in text ``script.domain`` does not call software, and never
fires in software text, where OpenCC's swap stays; a converter whose domain is not known applies neither domain's
rules.  Checked through the Converter API and through two real builds (a site has one domain).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter, opencc_converter
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import RegionalRules, default_regional, load_regional

HANS, TW, HK = DEFAULT_VARIANTS
LAYER = default_regional()
GENERAL_RULES = [r for r in LAYER.rules if r.domain == "general"]
WORDS = "她把我屏蔽了，说还没找到对象就先别联系；我们的争吵总在循环。"


def convert(text: str, domain: str | None, layer: RegionalRules | bool = True) -> str:
    return Converter(TW, ConversionRules(), regional=layer, domain=domain).text(text)


def test_general_rules_are_taiwan_swaps_of_opencc_kept_as_characters() -> None:
    """Each rule's word is one s2twp swaps (TWPhrases) and its output the character-only conversion (s2tw)."""
    # Session 38 — heldout34: the 18th, 项目 after 这五个 / 下列各 (the heads of a case: 項目, s2twp's 專案).
    # Session 41 — heldout39: the 19th to 21st, a law's 支持, 文件 and 数据 beside 资料 (s2twp's 支援, 檔案, 資料).
    # Session 44 — heldout54: the 22nd, 我支持 + a cause (s2twp's 支援).
    # Session 45 — ws: the 23rd, a fund's filing (持仓文件, 申报文件: s2twp's 檔案).
    assert len(GENERAL_RULES) == 23
    s2tw, s2twp = opencc_converter("s2tw"), opencc_converter("s2twp")
    for rule in GENERAL_RULES:
        assert (rule.code, rule.script) == ("zh-Hant-TW", "Hans"), rule.word
        assert rule.out == s2tw.convert(rule.word) != s2twp.convert(rule.word), rule.word
    # s2hkp swaps no word for a software sense: Hong Kong has none.
    assert not [r for r in LAYER.rules if r.domain == "general" and r.code != "zh-Hant-TW"]


@pytest.mark.parametrize("rule", GENERAL_RULES, ids=lambda r: r.word)
def test_a_general_rule_fires_in_general_text_and_never_in_software_text(rule) -> None:
    without = RegionalRules(tuple(r for r in LAYER.rules if r is not rule))
    assert rule.out in convert(rule.example, GENERAL)
    for domain in (SOFTWARE, None):  # software text, and text whose domain is not known
        assert convert(rule.example, domain) == convert(rule.example, domain, without), (rule.word, domain)


def test_the_words_in_general_and_in_software_text() -> None:
    assert convert(WORDS, GENERAL) == "她把我屏蔽了，說還沒找到對象就先別聯絡；我們的爭吵總在循環。"
    assert convert(WORDS, SOFTWARE) == "她把我遮蔽了，說還沒找到物件就先別聯絡；我們的爭吵總在迴圈。"
    assert convert(WORDS, None) == convert(WORDS, SOFTWARE)
    # Hong Kong: s2hkp keeps the words; no rule needed.
    hk = Converter(HK, ConversionRules(), domain=GENERAL).text(WORDS)
    assert "屏蔽" in hk and "對象" in hk and "循環" in hk


def test_opencc_phrases_holding_the_words_stay_in_general_text() -> None:
    """面向对象, a JSON object and data binding are code whatever the text: OpenCC's words, as in software text
    (物件導向, OpenCC's phrase, since session 55's heldout83 rule; the 面向 rule had cut it into 面向物件)."""
    source = "面向对象的设计，把数据转成 JSON 对象，再放进消息队列。"
    assert (
        convert(source, GENERAL)
        == convert(source, SOFTWARE)
        == "物件導向的設計，把資料轉成 JSON 物件，再放進訊息佇列。"
    )


def test_domain_general_is_read_and_a_wrong_domain_names_the_values(tmp_path: Path) -> None:
    path = tmp_path / "regional.yml"
    rule = "    - {word: 屏蔽, out: 屏蔽, why: w, example: 她把我屏蔽了。, domain: %s}\n"
    path.write_text("from-hans:\n  zh-Hant-TW:\n" + rule % "general", encoding="utf-8")
    layer = load_regional(path)
    assert [r.domain for r in layer.rules] == ["general"]
    assert layer.rules_for("zh-Hant-TW", "Hans", GENERAL) and not layer.rules_for(
        "zh-Hant-TW", "Hans", SOFTWARE
    )
    assert not layer.rules_for("zh-Hant-TW", "Hans")  # not known: neither domain's rules
    path.write_text("from-hans:\n  zh-Hant-TW:\n" + rule % "everyday", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rule 1 \(屏蔽\): domain must be general or software"):
        load_regional(path)


NOTE = "---\ntitle: 周记\ndate: 2024-01-02\n---\n\n{body}"
CODE = "\n\n```bash\nls -l\n```\n"


@pytest.mark.parametrize(
    ("body", "decided", "kept", "swapped"),
    [
        (WORDS, "general", ("屏蔽", "對象", "循環"), ()),
        (WORDS + CODE, "software", (), ("遮蔽", "物件", "迴圈")),
    ],
    ids=["general note", "software note"],
)
def test_a_site_of_general_notes_keeps_the_everyday_words(site_builder, body, decided, kept, swapped) -> None:  # type: ignore[no-untyped-def]
    """Two real builds, one note each: the site's domain decides which of the layer's rules its pages get."""
    result = site_builder(notes={"a.md": NOTE.format(body=body)})
    assert result.ok, result.log
    assert f"conversion domain: {decided}" in result.log
    page = html.unescape(result.page("zh-Hant-TW/notes/a/index.html"))
    for word in kept + swapped:
        assert word in page, (decided, word)
    for word in set(("屏蔽", "對象", "循環", "遮蔽", "物件", "迴圈")) - set(kept + swapped):
        assert word not in page.split("<article", 1)[-1], (decided, word)
