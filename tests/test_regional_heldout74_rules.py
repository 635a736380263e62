"""Session 54's heldout74 rules (issue 25): the classes of heldout74's first-sight residue (game development and games)
that carry to other text.  In Taiwan and Hong Kong, any text: a release kept (保留发行: 保留發行, not OpenCC's 保留髮行,
留髮 being keeping one's hair) and a situation puzzle's surface beside its answer ((汤面), 汤面与汤底: 湯面, not noodles).
In Taiwan, any text: Minecraft's command block (命令方块: 指令方塊) and a plugin unloaded while running (热卸载: 熱卸載, not
s2twp's 解除安裝).  Widened: software 返回 → 回傳 after 如实 and before 被删除的 / 被移除的, software 全局 → 全域 before 冷却,
software 镜像 → 鏡像 after 下线 / 上线, 构建 → 建置 before 好的包 (hooks/zhudu/script/data/regional.yml: the ``# Session
54 — heldout74`` blocks and the ``Session 54 (heldout74)`` lines)."""

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
NEW = rules_after_marker("# Session 54 — heldout74")
HELDOUT74 = bench_conversion.load_review(bench_conversion.SETS["heldout74"])


def test_the_batch_is_in_the_layer() -> None:
    """Two rules for both Traditional variants and two for Taiwan, all in any text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant", "留发行", "留發行", ""),
        ("zh-Hant", "汤面", "湯面", ""),
        ("zh-Hant-TW", "命令方块", "指令方塊", ""),
        ("zh-Hant-TW", "热卸载", "熱卸載", ""),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text."""
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code in (code, "zh-Hant")])


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "从 BDX 文件解析出所有命令方块，附带坐标信息。", "所有指令方塊"),
        ("zh-Hant-TW", GENERAL, "放置循环命令方块，再接一个连锁命令方块。", "連鎖指令方塊"),
        ("zh-Hant-TW", SOFTWARE, "卸载本服务（web 端热卸载）后加成随之消失。", "web 端熱卸載"),
        ("zh-Hant-TW", GENERAL, "系统会给出一个离奇的情境描述(汤面)，", "(湯面)"),
        ("zh-Hant-HK", GENERAL, "（汤面信息量审查）", "（湯面"),
        ("zh-Hant-HK", SOFTWARE, "现已下线镜像，仓库根只保留发行与治理文件。", "保留發行"),
        ("zh-Hant-TW", GENERAL, "现已下线镜像，仓库根只保留发行与治理文件。", "保留發行"),
        ("zh-Hant-TW", SOFTWARE, "现已下线镜像，仓库根只保留发行与治理文件。", "下線鏡像"),
        ("zh-Hant-TW", SOFTWARE, "移除组件，返回被移除的组件或 None。", "回傳被移除"),
        ("zh-Hant-TW", SOFTWARE, "扫描器会如实返回，是否值得翻译由使用者判断。", "如實回傳"),
        ("zh-Hant-TW", SOFTWARE, "获取群全局冷却时间。", "群全域冷卻"),
        ("zh-Hant-TW", GENERAL, "尚未发布到 PyPI 时，可先本地安装已构建好的包。", "建置好的"),
        # The guards: noodles in soup, keeping one's hair, going back, the whole picture, uninstalling, constructing.
        ("zh-Hant-TW", GENERAL, "今天中午吃了一碗汤面。", "湯麵"),
        ("zh-Hant-HK", GENERAL, "阳春汤面（清汤）很好吃。", "湯麪"),
        ("zh-Hant-TW", GENERAL, "他蓄须留发行走江湖多年。", "留髮"),
        ("zh-Hant-TW", SOFTWARE, "点击按钮后默认返回首页。", "返回首頁"),
        ("zh-Hant-TW", GENERAL, "这需要从全局出发考虑问题。", "全局出發"),
        ("zh-Hant-TW", SOFTWARE, "卸载软件后重启电脑。", "解除安裝"),
        ("zh-Hant-TW", GENERAL, "我们要构建一个和谐社会。", "構建"),
        ("zh-Hant-HK", SOFTWARE, "放置循环命令方块，再接一个连锁命令方块。", "命令方塊"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout74_after_the_rules() -> None:
    """By document (34 files software text, the puzzle writer's instructions general), aligned: Taiwan 16 → 7 wrong
    words, Hong Kong 6 → 4 (left: Taiwan 構建 for 快速构建游戏, 透過 for passing a check, 對象 for a JSON object in the
    general file, 湯麵 in 好的汤面是, @机器人 unconverted, the editor's 菁英 for Arknights' 精英阶段 ×2; Hong Kong 信息 and
    對象 in the general file, 湯麪, @机器人)."""
    assert wrong_words_by_document(HELDOUT74) == {"zh-Hant-TW": 7, "zh-Hant-HK": 4}
