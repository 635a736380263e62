"""Session 53's heldout65 rules (issue 25): the classes of heldout65's first-sight residue (GNOME Help's zh_CN pages, a
desktop's guide for its users) that carry to other text.  In Taiwan: a laptop called 笔记本 alone before its parts or
its maker (笔记本键盘, 笔记本制造厂家: 筆電; Hong Kong 手提電腦), a fan or a machine at full speed (全速运行: 全速運轉, not
a program's 執行), a USB flash drive (闪存驱动器: 隨身碟), an access right (最高访问权: 存取權).  Widened: the software 访问 →
存取 rule (控制访问, 让其他人访问, 访问速率, 访问本地…) and the list-item 项目 → 項目 rule (文件夹里的项目, 匹配的项目)
(hooks/zhudu/script/data/regional.yml: the ``# Session 53 — heldout65`` blocks and the ``Session 53 (heldout65)``
lines)."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_batch_keeps_opencc_phrases,
    assert_rule_fires_in_its_domain,
    bench_conversion,
    rule_cases,
    rules_after_marker,
    shipped_in,
    wrong_words_by_document,
)
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

LAYER = default_regional().rules
NEW = rules_after_marker("# Session 53 — heldout65")
HELDOUT65 = bench_conversion.load_review(bench_conversion.SETS["heldout65"])


def test_the_batch_is_in_the_layer() -> None:
    """Four rules for Taiwan, one for Hong Kong, all in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "笔记本", "筆電", ""),
        ("zh-Hant-TW", "全速运行", "全速運轉", ""),
        ("zh-Hant-TW", "闪存驱动器", "隨身碟", ""),
        ("zh-Hant-TW", "访问权", "存取權", ""),
        ("zh-Hant-HK", "笔记本", "手提電腦", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code in (code, "zh-Hant")], set())


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: GNOME Help's other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "笔记本电池放电过度，需要更换。", "筆電電池"),
        ("zh-Hant-TW", SOFTWARE, "笔记本风扇总是转不停。", "筆電風扇"),
        ("zh-Hant-HK", GENERAL, "笔记本电池放电过度，需要更换。", "手提電腦電池"),
        ("zh-Hant-HK", SOFTWARE, "这台笔记本的触摸板不灵敏。", "手提電腦的觸"),
        ("zh-Hant-TW", GENERAL, "当它全速运行的时候，你是看不清叶片的。", "全速運轉"),
        ("zh-Hant-TW", SOFTWARE, "请把照片复制到闪存驱动器上。", "隨身碟"),
        ("zh-Hant-TW", GENERAL, "只有管理员才能获得这个目录的访问权。", "存取權"),
        ("zh-Hant-TW", SOFTWARE, "系统用用户组来组织和控制访问。", "控制存取"),
        ("zh-Hant-TW", SOFTWARE, "开启这个端口，是否允许其他人访问取决于防火墙。", "其他人存取"),
        ("zh-Hant-TW", SOFTWARE, "纵轴显示了磁盘的访问速率。", "存取速率"),
        ("zh-Hant-TW", SOFTWARE, "这个应用可以访问本地文件。", "存取本地"),
        ("zh-Hant-TW", GENERAL, "属性页会显示文件夹里的项目数。", "資料夾裡的項目數"),
        ("zh-Hant-TW", SOFTWARE, "打开选择匹配的项目对话框，输入通配符。", "匹配的項目"),
        # The guards: a notebook of cells or of paper, a program at full speed, access rights, a project.
        ("zh-Hant-TW", SOFTWARE, "Jupyter 笔记本的键盘快捷键可以在帮助菜单里找到。", "筆記本的鍵盤"),
        ("zh-Hant-HK", SOFTWARE, "Jupyter 笔记本的键盘快捷键可以在帮助菜单里找到。", "筆記本的鍵盤"),
        ("zh-Hant-TW", GENERAL, "学生笔记本制造商扩大了产能。", "筆記本製造"),
        ("zh-Hant-TW", GENERAL, "我买了一个新笔记本，用来记单词。", "筆記本"),
        ("zh-Hant-TW", SOFTWARE, "这段程序全速运行时会占满一个核心。", "全速執行"),
        ("zh-Hant-TW", SOFTWARE, "你没有这个页面的访问权限。", "存取權限"),
        ("zh-Hant-TW", SOFTWARE, "这个开源项目很受欢迎。", "專案"),
        ("zh-Hant-TW", SOFTWARE, "欢迎访问我的网站。", "訪問"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout65_after_the_rules() -> None:
    """By document (142 pages, all software text), aligned: Taiwan 20 → 9 wrong words, Hong Kong 4 → 2 (left: 项目 for
    an item with no list or folder before it ×3 (将该项目从…拖动, 嵌套有项目, 准备多这些项目), 笔记本一般 and 您的笔记本上
    (a laptop with no part or maker after it, both variants), a computer running (运行一段时间, 使用电池运行笔记本电脑:
    運作), MAC's 唯一代码 (代碼), 连接上充电插座 (連接))."""
    assert wrong_words_by_document(HELDOUT65) == {"zh-Hant-TW": 9, "zh-Hant-HK": 2}
