"""A region's own words that no rule rewrote, on a Traditional note's other pages (issue 25, session 53 R).

A Traditional note reaches its Simplified page and the other region's page through Simplified (``t2s``, the layer's
``from-hant`` rules, then that page's converter).  A word no ``from-hant`` rule rewrote went through as typed: a Taiwan
note's 筆電, 隨身碟, 簡訊 on its Simplified (笔电, 随身碟, 简讯) and Hong Kong pages, a Hong Kong note's 闊度, 手提電腦, 短訊 on its
Simplified and Taiwan pages.  Now a rule gives the mainland word, and the other region's page shows it its own way where
the word is on the note's region's ``region-only:`` list (笔记本电脑 → 手提電腦 / 筆記型電腦), or the author's word where
both regions write it (游標, 顯示卡, 縮排 on a Taiwan note's Hong Kong page).  Measured through the site's own path
(``bench/tw_to_hk.variant_page``: ``Site.fold_for``, then the page's converter).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zhudu.script.domain import GENERAL

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import tw_to_hk  # noqa: E402  (bench/ is put on the path above)

from heldout_shape import title_and_body  # noqa: E402

HANS, TW, HK = "zh-Hans", "zh-Hant-TW", "zh-Hant-HK"


def pages(text: str, region: str) -> dict[str, str]:
    """``text`` as a ``lang: zh-<region>`` note's three pages show it (a paragraph's text)."""
    return {code: tw_to_hk.variant_page(text, GENERAL, region, code) for code in (HANS, TW, HK)}


@pytest.mark.parametrize(
    ("source", "simplified", "hong_kong"),
    [
        # Taiwan's only words: the mainland's on the Simplified page, Hong Kong's on the Hong Kong page.
        (
            "我用筆電把檔案存到隨身碟，再傳簡訊給你。",
            "我用笔记本电脑把文件存到U盘，再传短信给你。",
            "我用手提電腦把檔案存到USB手指，再傳短訊給你。",
        ),
        (
            "他用一台新筆記型電腦撰寫產品說明。",
            "他用一台新笔记本电脑撰写产品说明。",
            "他用一台新手提電腦撰寫產品説明。",
        ),
        ("直接從光碟機裝置開機。", "直接从光驱设备开机。", "直接從光驅裝置開機。"),
        ("圖書館正在把古籍數位化。", "图书馆正在把古籍数字化。", "圖書館正在把古籍數字化。"),
        ("這顆晶片的價效比很高。", "这颗芯片的性价比很高。", "這顆晶片的性價比很高。"),
        ("在對話方塊中按下確定。", "在对话框中按下确定。", "在對話框中按下確定。"),
        ("幾乎人人都有智慧型手機。", "几乎人人都有智能手机。", "幾乎人人都有智能手機。"),
        ("輝達的分散式訓練框架", "英伟达的分布式训练框架", "英偉達的分佈式訓練框架"),
        ("他每天服用一片阿斯匹靈。", "他每天服用一片阿司匹林。", "他每天服用一片阿士匹靈。"),
        ("塞席爾共和國", "塞舌尔共和国", "塞舌爾共和國"),
        # Words Hong Kong writes too: the mainland's on the Simplified page, the author's on the Hong Kong page.
        ("把游標移到行首。", "把光标移到行首。", "把游標移到行首。"),
        ("這張顯示卡的驅動", "这张显卡的驱动", "這張顯示卡的驅動"),
        ("程式碼區塊要使用四個空格縮排。", "代码区块要使用四个空格缩进。", "程式碼區塊要使用四個空格縮排。"),
        ("程序收到 SIGTERM 訊號後結束。", "程序收到 SIGTERM 信号后结束。", "程序收到 SIGTERM 訊號後結束。"),
        ("工作會先放進一個佇列。", "工作会先放进一个队列。", "工作會先放進一個佇列。"),
        ("千里達及托巴哥盛產石油。", "特立尼达和多巴哥盛产石油。", "特立尼達和多巴哥盛產石油。"),
    ],
)
def test_a_taiwan_notes_simplified_and_hong_kong_pages(source: str, simplified: str, hong_kong: str) -> None:
    shown = pages(source, "TW")
    assert (shown[HANS], shown[HK]) == (simplified, hong_kong)
    assert shown[TW] == source  # its own page: as typed


@pytest.mark.parametrize(
    ("source", "simplified", "taiwan"),
    [
        ("左邊邊界的闊度", "左边边界的宽度", "左邊邊界的寬度"),
        ("用手提電腦發短訊。", "用笔记本电脑发短信。", "用筆記型電腦發簡訊。"),
        ("把檔案存入USB手指。", "把文件存入U盘。", "把檔案存入隨身碟。"),
        ("請輸入你的電郵地址。", "请输入你的电子邮件地址。", "請輸入你的電子郵件地址。"),
        (
            "如果你擔心私隱問題，可以關閉此功能。",
            "如果你担心隐私问题，可以关闭此功能。",
            "如果你擔心隱私問題，可以關閉此功能。",
        ),
        ("用户屏幕解像度高", "用户屏幕分辨率高", "使用者螢幕解析度高"),
        ("閃存、流動電話、攝影機都可以。", "闪存、手机、摄影机都可以。", "快閃記憶體、手機、攝影機都可以。"),
        ("把牛奶放進雪櫃。", "把牛奶放进冰箱。", "把牛奶放進冰箱。"),
    ],
)
def test_a_hong_kong_notes_simplified_and_taiwan_pages(source: str, simplified: str, taiwan: str) -> None:
    shown = pages(source, "HK")
    assert (shown[HANS], shown[TW]) == (simplified, taiwan)
    assert shown[HK] == source


@pytest.mark.parametrize(
    ("source", "region", "simplified", "word"),
    [
        # A news brief or a newsletter is 简讯 on the mainland too; both Traditional pages keep the word.
        ("請訂閱我們的每週簡訊。", "TW", "请订阅我们的每周简讯。", "簡訊"),
        ("這是今天的新聞簡訊。", "TW", "这是今天的新闻简讯。", "簡訊"),
        ("[短訊]美國宣佈新措施。", "HK", "[短讯]美国宣布新措施。", "[短訊]"),
        # 十數位化學家: a dozen or so chemists; a vernier caliper is 游标卡尺 on the mainland too.
        ("會上有十數位化學家發言。", "TW", "会上有十数位化学家发言。", "數位化學家"),
        ("用游標卡尺量一下。", "TW", "用游标卡尺量一下。", "游標卡尺"),
    ],
)
def test_a_words_other_sense_stays(source: str, region: str, simplified: str, word: str) -> None:
    shown = pages(source, region)
    assert shown[HANS] == simplified
    assert word in shown[TW] and word in shown[HK]


TW_NOTE = (
    "---\ntitle: 用筆電把檔案存到隨身碟\nlang: zh-TW\ndate: 2026-12-01\n---\n\n"
    "先關閉隨身碟的防寫開關，再傳簡訊給我。\n"
)
HK_NOTE = (
    "---\ntitle: 手提電腦的熒幕闊度\nlang: zh-HK\ndate: 2026-12-02\n---\n\n"
    "用手提電腦發短訊，再把檔案存入USB手指。\n"
)


def test_each_notes_other_pages_in_a_real_build(tmp_path: Path) -> None:
    from conftest import build_site

    result = build_site(tmp_path, notes={"posts/tw.md": TW_NOTE, "posts/hk.md": HK_NOTE})
    assert result.ok and not result.warnings, result.log

    def shown(code: str, slug: str) -> tuple[str, str]:
        return title_and_body(result, code, slug)

    title, body = shown(HANS, "posts-tw")
    assert title == "用笔记本电脑把文件存到U盘"
    assert "先关闭U盘的防写开关，再传短信给我。" in body
    title, body = shown(HK, "posts-tw")
    assert title == "用手提電腦把檔案存到USB手指"
    assert "先關閉USB手指的防寫開關，再傳短訊給我。" in body
    title, body = shown(TW, "posts-tw")  # its own page: as typed
    assert title == "用筆電把檔案存到隨身碟" and "先關閉隨身碟的防寫開關，再傳簡訊給我。" in body

    title, body = shown(TW, "posts-hk")
    assert title == "筆記型電腦的螢幕寬度"
    assert "用筆記型電腦發簡訊，再把檔案存入隨身碟。" in body
    title, body = shown(HANS, "posts-hk")
    assert title == "笔记本电脑的荧幕宽度"
    assert "用笔记本电脑发短信，再把文件存入U盘。" in body
    title, body = shown(HK, "posts-hk")
    assert title == "手提電腦的熒幕闊度" and "用手提電腦發短訊，再把檔案存入USB手指。" in body
