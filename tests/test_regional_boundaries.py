"""OpenCC's phrases that take a character of the neighbouring word (issue 25), found at corpus scale, not set by set.

OpenCC matches its longest phrase from the left, so a phrase of the previous word's last character and the next
word's first character (起复, 人制, 中签, 能干, 不合, 先尝, 上游, 天后, 明了 …) changes a character of a frequent word
(一起復制, 工人制作, 良好籤名, 不能幹淨, 完成合並, 首先嚐試, 大陸上游蕩, 字母后面, 聲明瞭).  Session 31 cut 67,328 real
Simplified lines into words with jieba and listed every place where OpenCC of two neighbouring words differs from the
two converted apart (bench/RESULTS.md, "Session 31 — phrases across a word boundary"); the frequent, clear-cut ones
are rules of the layer, each written as the word converts on its own.
"""

from __future__ import annotations

import pytest

from heldout_shape import VARIANTS, assert_new_rules_keep_opencc_phrases
from zhudu.script.convert import ConversionRules, Converter

#: Neighbouring words from real text (Debian's zh_CN catalogues, Wesnoth's, hexo-docs) where OpenCC read a phrase
#: across the boundary: converted together they must read as the two words converted apart.
CROSSINGS = [
    ("进行", "复制"),
    ("而不", "复制"),
    ("一起", "复制"),
    ("重新", "制作"),
    ("无法", "制作"),
    ("专家", "制作"),
    ("活人", "制造"),
    ("良好", "签名"),
    ("文件中", "签名"),
    ("证书", "签名"),
    ("不能", "干净"),
    ("被", "干净"),
    ("完成", "合并"),
    ("提交", "合并"),
    ("和", "合并"),
    ("不", "合并"),
    ("首先", "尝试"),
    ("预期中", "游戏"),
    ("大陆上", "游荡"),
    ("难度下", "游玩"),
    ("字母", "后面"),
    ("信封", "后面"),
    ("字母", "后缀"),
    ("显示", "表头"),
    ("显示", "表情"),
    ("最多", "只能"),
    ("指明", "了"),
    ("查明", "了"),
    ("并", "发起"),
    ("提交", "并"),
]


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
@pytest.mark.parametrize(("left", "right"), CROSSINGS)
def test_no_phrase_takes_a_character_across_the_word_boundary(code: str, left: str, right: str) -> None:
    convert = Converter(VARIANTS[code], ConversionRules()).text
    assert convert(left + right) == convert(left) + convert(right)


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Real sentences (Debian's zh_CN catalogues, Wesnoth): the word as it converts on its own.
        (
            "zh-Hant-TW",
            "不存在时才进行复制；仅复制属性而不复制文件数据；必须重新制作目标；找到 3 个良好签名。",
            "不存在時才進行複製；僅複製屬性而不複製檔案資料；必須重新製作目標；找到 3 個良好簽名。",
        ),
        (
            "zh-Hant-HK",
            "如果补丁不能干净地应用，源数据目录必须被干净地关闭；未提交合并，使用 git commit 完成合并。",
            "如果補丁不能乾淨地應用，源數據目錄必須被乾淨地關閉；未提交合併，使用 git commit 完成合併。",
        ),
        (
            "zh-Hant-TW",
            "他离开了家乡在大陆上游荡；select 最多只能用于 1024 号描述符；声明了无效的输出格式；提交并推送。",
            "他離開了家鄉在大陸上遊蕩；select 最多只能用於 1024 號描述符；聲明了無效的輸出格式；提交並推送。",
        ),
        # Where the characters are the other words, OpenCC's reading stays.
        (
            "zh-Hant-TW",
            "他们希望恢复制度的权威；这种药物有抑制作用；请修改书签名称；中签名单已经公布；她跪在皇后面前；简单明了。",
            "他們希望恢復制度的權威；這種藥物有抑制作用；請修改書籤名稱；中籤名單已經公佈；她跪在皇后面前；簡單明瞭。",
        ),
        (
            "zh-Hant-HK",
            "房间打扫得干干净净；两军会合并肩作战；山上有一百多只羊；系统支持高并发访问；术后出现了并发症。",
            "房間打掃得乾乾淨淨；兩軍會合並肩作戰；山上有一百多隻羊；系統支持高併發訪問；術後出現了併發症。",
        ),
    ],
)
def test_phrases_across_a_boundary_in_real_sentences(code: str, source: str, expected: str) -> None:
    assert Converter(VARIANTS[code], ConversionRules()).text(source) == expected


#: Session 31's boundary rules, by (variant key, word, domain); 复制 and 干净 had a rule already (after 来 / 被, 比),
#: which the helper counts with them.
BOUNDARY_WORDS = ("复制", "制作", "制造", "签名", "书签名", "干净", "合并", "尝试", "游戏")
BOUNDARY_WORDS += ("游荡", "游玩", "后面", "显示表", "多只", "明了", "并发", "交并")
NEW_RULES = {
    *(("zh-Hant", w, "") for w in BOUNDARY_WORDS),
    ("zh-Hant-TW", "后缀", ""),
    ("zh-Hant-HK", "后缀", ""),
}
#: OpenCC phrases the new rules change on purpose: OpenCC's own phrase reads 机制 (a mechanism) in 飞机制造 and 上游
#: (upstream) in 网上游戏; a plane is made (飛機製造) and a game is played online (網上遊戲).
ON_PURPOSE = {"飞机制造", "沈阳飞机制造公司", "网上游戏", "彝人制造"}


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_new_rules_keep_opencc_phrases_that_contain_their_words(code: str) -> None:
    """As for sessions 19 to 31: inside one of OpenCC's own phrases a new rule word gives what the layer wrote there
    before, in general and in software text, but for the phrases it corrects on purpose."""
    assert_new_rules_keep_opencc_phrases(code, NEW_RULES, ON_PURPOSE)
