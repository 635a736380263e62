"""Session 35's conv36 batch (issue 25): OpenCC phrase cuts across a word boundary that notes often contain
(hooks/zhudu/script/data/regional.yml): the rule ``# Session 35 — conv36`` at the end of zh-Hant (微博 + 客户端 /
客服, cut by OpenCC's 微博客), and the guards extended in place (``# Session 35 — conv36:``) on Taiwan's 元数据 rule
(单元数据, 多元数据, 十元数据), the 一出 rule (一出差, 一出炉, 一出一期) and the Monday rule 周一出 (每周一出一期)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from heldout_shape import (
    assert_new_rule_fires_on_its_example_only,
    assert_new_rules_keep_opencc_phrases_in_both_variants,
    layer_alone,
    rule_cases,
    rules_after_marker,
)
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 35 — conv36")
CASES = rule_cases(NEW)


def test_the_batch_is_in_the_layer() -> None:
    """One new rule, for both variants and general text: 微博 before 客户 / 客服 / 客人 / 客厅 / 客观 / 客气."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [("zh-Hant", "微博", "微博", "")]


@pytest.mark.parametrize(("rule", "code"), CASES)
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    assert_new_rule_fires_on_its_example_only(rule, code, LAYER, NEW)


def test_the_batch_keeps_opencc_phrases_that_contain_its_words() -> None:
    """Inside OpenCC's own phrases (微博客 alone) the new rule changes nothing, in general and software text."""
    assert_new_rules_keep_opencc_phrases_in_both_variants({(r.code, r.word, r.domain) for r in NEW})


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # 微博 + 客户端 / 客服 / 客人 / 客厅 / 客观 / 客气: Weibo and the next word, as OpenCC writes each alone.
        ("zh-Hant-TW", "我用微博客户端发的，微博客服没回。", "我用微博客戶端發的，微博客服沒回。"),
        ("zh-Hant-HK", "我用微博客户端发的，微博客服没回。", "我用微博客户端發的，微博客服沒回。"),
        ("zh-Hant-TW", "新浪微博客户很多，微博客人也多。", "新浪微博客戶很多，微博客人也多。"),
        ("zh-Hant-HK", "她刷微博客厅里没人。", "她刷微博客廳裏沒人。"),
        ("zh-Hant-TW", "他在微博客观地说，对网友很客气。", "他在微博客觀地說，對網友很客氣。"),
        ("zh-Hant-HK", "回复微博客气点。", "回覆微博客氣點。"),
        # A microblog in general stays OpenCC's phrase.
        (
            "zh-Hant-TW",
            "微博客是一种新媒体，他研究微博客现象。",
            "微部落格是一種新媒體，他研究微部落格現象。",
        ),
        ("zh-Hant-HK", "微博客的兴起改变了新闻。", "微網誌的興起改變了新聞。"),
        ("zh-Hant-TW", "微博客流量统计。", "微部落格流量統計。"),
        ("zh-Hant-TW", "微博客观察：一周热点。", "微部落格觀察：一週熱點。"),
        ("zh-Hant-HK", "微博客观点摘编。", "微網誌觀點摘編。"),
        ("zh-Hant-TW", "微博和微信客户端。", "微博和微信客戶端。"),
    ],
)
def test_weibo_before_a_client_or_service(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # 单元 / 一元 / 二元 / 多元 + 数据, a sum in yuan in Han numerals + 数据: not metadata.
        ("这个单元数据有误。", "這個單元數據有誤。"),
        ("二元数据和多元数据都要分析。", "二元數據和多元數據都要分析。"),
        ("一元数据分析比较简单。", "一元數據分析比較簡單。"),
        ("十元数据包，几元数据流量都行，两元数据也行。", "十元數據包，幾元數據流量都行，兩元數據也行。"),
        # A word ending in 单 / 一 / 多 before metadata: OpenCC's 後設資料.
        ("简单元数据就够了。", "簡單後設資料就夠了。"),
        ("订单元数据保存在表里。", "訂單後設資料儲存在表裡。"),
        ("统一元数据管理。", "統一後設資料管理。"),
        ("点击查看更多元数据。", "點選檢視更多後設資料。"),
        ("很多元数据都丢了。", "很多後設資料都丟了。"),
        ("这个文件的元数据已经损坏。", "這個檔案的後設資料已經損壞。"),
    ],
)
def test_taiwans_metadata_rule(source: str, expected: str) -> None:
    assert layer_alone("zh-Hant-TW")(source) == expected


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # 每 / 上 / 下 / 本 / 这 + 周一 + 出: Monday.
        ("杂志每周一出一期。", "雜誌每週一出一期。"),
        ("上周一出了事，下周一出结果。", "上週一出了事，下週一出結果。"),
        ("这周一出新品，本周一出榜单。", "這週一出新品，本週一出榜單。"),
        # A play a week, Zhou as a surname.
        ("剧团每周一出戏。", "劇團每週一齣戲。"),
        ("这周一出好戏让人难忘。", "這週一齣好戲讓人難忘。"),
        ("每周一出大戏，这周一出戏都没看。", "每週一齣大戲，這週一齣戲都沒看。"),
        ("老周一出门就摔了。", "老周一出門就摔了。"),
        # 一出 "as soon as" before a trip, sweat, a bid, a fresh batch, a punch, a cabin, an issue per span.
        ("他一出差就是一个月，一出汗就难受。", "他一出差就是一個月，一出汗就難受。"),
        ("新品一出炉就卖光了，他一出价就被抢了。", "新品一出爐就賣光了，他一出價就被搶了。"),
        ("他一出拳就赢了，飞机一出舱就冷。", "他一出拳就贏了，飛機一出艙就冷。"),
        ("每月一出一期，一年一出两期。", "每月一出一期，一年一出兩期。"),
        # A play that is 差点 / 价值 / 炉火 / 拳拳 …
        ("这是一出差点演砸的戏。", "這是一齣差點演砸的戲。"),
        ("真是一出价值千金的好戏。", "真是一齣價值千金的好戲。"),
        ("这是一出炉火纯青的表演。", "這是一齣爐火純青的表演。"),
        ("看了一出拳拳到肉的武戏。", "看了一齣拳拳到肉的武戲。"),
    ],
)
def test_the_yichu_and_monday_rules(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected


def test_a_built_note_shows_the_batch(site_builder: Callable[..., object]) -> None:
    """A real build: the Taiwan and Hong Kong pages show the batch's words."""
    note = "---\ntitle: 周报\n---\n\n# 周报\n\n微博客户端每周一出一期。\n"
    result = site_builder(notes={"n.md": note})
    assert result.ok and result.warnings == []  # type: ignore[attr-defined]
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        page = (result.site_dir / code / "notes" / "n" / "index.html").read_text(encoding="utf-8")  # type: ignore[attr-defined]
        assert re.search(r"<p[^>]*>微博客(戶|户)端每週一出一期。</p>", page), code
