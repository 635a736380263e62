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


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # 回复: strength coming back is 回復.
        ("zh-Hant-TW", "休息了几天，体力多回复了一些。", "休息了幾天，體力多回復了一些。"),
        # 冲销: an accountant offsetting sales revenue, expenses or allowances is 沖; pushing sales is 衝, even after 应.
        ("zh-Hant-TW", "会计用红字冲销售收入。", "會計用紅字沖銷售收入。"),
        ("zh-Hant-HK", "冲销售费用的分录怎么写？", "沖銷售費用的分錄怎麼寫？"),
        ("zh-Hant-TW", "本月应冲销售折让五千元。", "本月應沖銷售折讓五千元。"),
        ("zh-Hant-TW", "我们应冲销量，别管利润。", "我們應衝銷量，別管利潤。"),
        # 签: a lot drawn, a price tag, a skewer, a hanging tag are 籤; signing on a paper (纸上签个字) is 簽.
        ("zh-Hant-TW", "他抽了个签一下就中了上签。", "他抽了個籤一下就中了上籤。"),
        ("zh-Hant-TW", "价签一下子就掉了。", "價籤一下子就掉了。"),
        ("zh-Hant-HK", "烤肉签一下子就烧焦了。", "烤肉籤一下子就燒焦了。"),
        ("zh-Hant-TW", "这支签一下子就被他抽中了。", "這支籤一下子就被他抽中了。"),
        ("zh-Hant-TW", "门口的吊签一下被风吹走了。", "門口的吊籤一下被風吹走了。"),
        ("zh-Hant-TW", "在合同上签了字，请在这张纸上签个字。", "在合同上簽了字，請在這張紙上簽個字。"),
        ("zh-Hant-TW", "这个签一下就行。", "這個簽一下就行。"),
        # Taiwan 微信号: a weak signal measured is 訊號; a WeChat ID stays.
        ("zh-Hant-TW", "传感器采集到的微信号需要放大。", "感測器採集到的微訊號需要放大。"),
        ("zh-Hant-TW", "肌电微信号处理很难。", "肌電微訊號處理很難。"),
        (
            "zh-Hant-TW",
            "电路中些微信号变化也能测到，低微信号也能。",
            "電路中些微訊號變化也能測到，低微訊號也能。",
        ),
        ("zh-Hant-TW", "他换了个微信号，用微信号登录。", "他換了個微信號，用微信號登入。"),
        # Taiwan 周天: the qigong's circuit of energy keeps 周.
        ("zh-Hant-TW", "他练功打通了周天能量。", "他練功打通了周天能量。"),
        ("zh-Hant-TW", "周天能量运转顺畅。", "周天能量運轉順暢。"),
        # Hong Kong 在线人数: the number not online.
        ("zh-Hant-HK", "在线人数和不在线人数都要统计。", "線上人數和不在線人數都要統計。"),
        # Taiwan 通过: a friend request used as a means is 透過; accepting one stays 通過.
        ("zh-Hant-TW", "骗子通过好友请求发送钓鱼链接。", "騙子透過好友請求傳送釣魚連結。"),
        ("zh-Hant-TW", "他们通过好友申请加人，再骗钱。", "他們透過好友申請加人，再騙錢。"),
        ("zh-Hant-TW", "可以通过好友验证功能找到对方。", "可以透過好友驗證功能找到對方。"),
        ("zh-Hant-TW", "对方通过好友请求后才能聊天。", "對方通過好友請求後才能聊天。"),
    ],
)
def test_the_second_editors_misfires(code: str, source: str, expected: str) -> None:
    """Session 35's rev35: sentences a Taiwan or Hong Kong editor wrote to tempt the batch's rules, where they misfired."""
    assert layer_alone(code)(source) == expected
