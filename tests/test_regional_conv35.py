"""Session 35's conv35 batch (issue 25): rules for the error classes heldout29's first sight showed (everyday written
talk, Taobao chat), written as a Taiwan or Hong Kong editor's general rules with their own examples
(hooks/zhudu/script/data/regional.yml, the ``# Session 35 — conv35`` blocks at the end of zh-Hant, zh-Hant-TW and
zh-Hant-HK): OpenCC phrases that take a character of the next word (布下, 递回 / 多回, 冲销, s2twp's 信号, 发送 and 印发),
one-to-many characters OpenCC leaves to their default (签 alone 籤, 只 after a digit, 周天), and Hong Kong's 在线人数.
Also the guard added to Taiwan's 通过 rule: accepting a friend request is 通過."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from heldout_shape import (
    assert_new_rule_fires_on_its_example_only,
    layer_alone,
    layer_without,
    opencc_phrases_with,
    rule_cases,
    rules_after_marker,
)
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

#: The batch's words by variant key, in file order.
BATCH = {
    "zh-Hant": "布下 回复 冲销 拒签 签 只粽子",
    "zh-Hant-TW": "微信号 送货上门 打印 周天",
    "zh-Hant-HK": "在线人数",
}
LAYER = default_regional().rules
NEW = rules_after_marker("# Session 35 — conv35")
CASES = rule_cases(NEW)


def test_the_batch_is_in_the_layer() -> None:
    """Every word of the batch has its rule, for general text, in its block (11 rules: 6 both, 4 Taiwan,
    1 Hong Kong)."""
    assert {code: " ".join(r.word for r in NEW if r.code == code) for code in BATCH} == BATCH
    assert len(NEW) == 11 and all(r.domain == "" for r in NEW)


@pytest.mark.parametrize(("rule", "code"), CASES)
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word; without the batch it did not; the not-sentences read as before the batch."""
    assert_new_rule_fires_on_its_example_only(rule, code, LAYER, NEW)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # OpenCC phrases that take a character of the next word.
        (
            "zh-Hant-TW",
            "床单下面铺了一层棉布，棉布下方是防水垫；邻居递回复印件，快递回复说已经到了；商家冲销量。",
            "床單下面鋪了一層棉布，棉布下方是防水墊；鄰居遞迴影印件，快遞回覆說已經到了；商家衝銷量。",
        ),
        (
            "zh-Hant-TW",
            "把我的微信号发给他；我们可以发送货上门；请先打印发票。",
            "把我的微信號發給他；我們可以發送貨上門；請先列印發票。",
        ),
        (
            "zh-Hant-HK",
            "留言太多回复不过来，快递回复了；月底冲销售额；会计冲销坏账。",
            "留言太多回覆不過來，快遞回覆了；月底衝銷售額；會計沖銷壞賬。",
        ),
        # One-to-many characters.
        (
            "zh-Hant-TW",
            "收件人拒签了，请您签个字；我们抽签决定；买了3只粽子；上个周天休息，周天子。",
            "收件人拒簽了，請您簽個字；我們抽籤決定；買了3隻粽子；上個週天休息，周天子。",
        ),
        (
            "zh-Hant-HK",
            "收件人拒签了，请您签个字；我们抽签决定；买了3只粽子；上个周天休息。",
            "收件人拒簽了，請您簽個字；我們抽籤決定；買了3隻粽子；上個周天休息。",
        ),
        # Hong Kong: users online, and someone staying online.
        ("zh-Hant-HK", "晚上同时在线人数最多，他一直保持在线。", "晚上同時線上人數最多，他一直保持在線。"),
    ],
)
def test_the_batch_by_topic(code: str, source: str, expected: str) -> None:
    """Sentences of the batch's classes, none from a held-out set."""
    assert layer_alone(code)(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Accepting a friend request or a check in chat: 通過.
        ("记得通过下哦。", "記得通過下哦。"),
        ("请通过一下我的好友请求。", "請通過一下我的好友請求。"),
        ("他没通过好友申请。", "他沒通過好友申請。"),
        # By means of: 透過, even beside 下面 / 一下午 / a friend.
        ("通过下面的链接下载。", "透過下面的連結下載。"),
        ("通过一下午的努力完成了。", "透過一下午的努力完成了。"),
        ("通过好友介绍认识了她。", "透過好友介紹認識了她。"),
        ("通过我的好友认识了她。", "透過我的好友認識了她。"),
        ("通过下载安装包更新。", "透過下載安裝包更新。"),
    ],
)
def test_the_guard_added_to_taiwans_tongguo_rule(source: str, expected: str) -> None:
    assert layer_alone("zh-Hant-TW")(source) == expected


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_batch_keeps_opencc_phrases_that_contain_its_words(code: str) -> None:
    """Inside one of OpenCC's own phrases a word of the batch gives what the layer wrote there before, in general and
    in software text, but for the phrases the batch is for: 签 in 签一下 is signing."""
    phrases = opencc_phrases_with({r.word for r in NEW})
    for domain in (GENERAL, SOFTWARE):
        layer, before = layer_alone(code, domain), layer_without(code, LAYER, NEW, domain)
        assert {k for k in phrases if layer(k) != before(k)} == set()


def test_a_built_note_shows_the_batch(site_builder: Callable[..., object]) -> None:
    """A real build: the Taiwan and Hong Kong pages show the batch's words."""
    note = "---\ntitle: 收货\n---\n\n# 收货\n\n快递回复说要本人签一下，包裹破损就拒签。\n"
    result = site_builder(notes={"n.md": note})
    assert result.ok and result.warnings == []  # type: ignore[attr-defined]
    expected = {
        "zh-Hant-TW": "快遞回覆說要本人簽一下，包裹破損就拒簽。",
        "zh-Hant-HK": "快遞回覆説要本人簽一下，包裹破損就拒簽。",
    }
    for code, sentence in expected.items():
        page = (result.site_dir / code / "notes" / "n" / "index.html").read_text(encoding="utf-8")  # type: ignore[attr-defined]
        assert re.search(rf"<p[^>]*>{sentence}</p>", page), code
