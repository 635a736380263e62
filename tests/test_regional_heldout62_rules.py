"""Session 52's heldout62 rules (issue 25): the classes of heldout62's first-sight residue (nine npm and PyPI packages'
Chinese docs: fastapi-amis-admin, czsc, pywencai, NutUI, wot-design-uni, micro-app, Serverless Devs, CloudBase) that
carry to other text.  In Taiwan: OpenCC's phrases read across words (表字 in 数据库表字段名, 注册表 in 登录/注册表单, 人链 in
捐赠人链接); what a function or a name in code returns in software text (返回当前页面组的…, 返回全部数据, get_actions返回的:
回傳); a reload (运行时重载: 重新載入, not s2twp's 過載); thanks for a reader's backing and backing a project's author (你的支持,
在经济上支持作者: 支持, also in Hong Kong's software text); a function in mathematics (分段函数: 函數).  Widened: Taiwan's
全局 → 全域 before 调试 / 权限, and in software text before 反馈 (hooks/zhudu/script/data/regional.yml: the ``# Session 52 —
heldout62`` blocks and the ``Session 52 (heldout62)`` lines)."""

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
NEW = rules_after_marker("# Session 52 — heldout62")
HELDOUT62 = bench_conversion.load_review(bench_conversion.SETS["heldout62"])


def test_the_batch_is_in_the_layer() -> None:
    """Eight rules for Taiwan (three in software text only), one for Hong Kong's software text."""
    assert [(r.code, r.word, r.out, r.domain) for r in NEW] == [
        ("zh-Hant-TW", "表字段", "表欄位", ""),
        ("zh-Hant-TW", "注册表单", "註冊表單", ""),
        ("zh-Hant-TW", "人链接", "人連結", ""),
        ("zh-Hant-TW", "返回", "回傳", "software"),
        ("zh-Hant-TW", "返回的", "回傳的", "software"),
        ("zh-Hant-TW", "重载", "重新載入", "software"),
        ("zh-Hant-TW", "支持", "支持", ""),
        ("zh-Hant-TW", "函数", "函數", ""),
        ("zh-Hant-HK", "支持", "支持", "software"),
    ]


@pytest.mark.parametrize(("rule", "code"), rule_cases(NEW))
def test_each_rule_fires_on_its_example_and_not_elsewhere(rule, code: str) -> None:
    """The example gives the rule's word and did not without the batch; its not-sentences read as before."""
    assert_rule_fires_in_its_domain(rule, code, LAYER, NEW)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_opencc_phrases_keep_their_forms(code: str) -> None:
    """Inside OpenCC's own phrases holding a new word nothing changes, in general and in software text, but OpenCC's
    週期函式 (a periodic function in mathematics: 週期函數, on purpose)."""
    on_purpose = {"周期函数"} if code == "zh-Hant-TW" else set()
    assert_batch_keeps_opencc_phrases(code, [r for r in NEW if r.code in (code, "zh-Hant")], on_purpose)


@pytest.mark.parametrize(
    ("code", "domain", "source", "expected"),
    [
        # Other text, outside the set, as shipped: the packages' other lines and sentences like theirs.
        ("zh-Hant-TW", GENERAL, "请检查数据库表字段是否与模型一致。", "資料庫表欄位"),
        ("zh-Hant-TW", GENERAL, "打开用户注册表单填写信息。", "使用者註冊表單"),
        ("zh-Hant-TW", GENERAL, "点击联系人链接即可打开对话。", "聯絡人連結"),
        ("zh-Hant-TW", SOFTWARE, "返回表格列字段的TableColumn对象。", "回傳表格列欄位"),
        ("zh-Hant-TW", SOFTWARE, "该方法返回当前应用页面。", "回傳目前應用頁面"),
        ("zh-Hant-TW", SOFTWARE, "length返回字符串以及数组长度。", "length回傳字串"),
        ("zh-Hant-TW", SOFTWARE, "name为get_items返回的列表。", "get_items回傳的列表"),
        ("zh-Hant-TW", SOFTWARE, "修改配置后服务会自动重载配置。", "自動重新載入配置"),
        ("zh-Hant-TW", SOFTWARE, "如果觉得有用，欢迎在经济上支持作者。", "經濟上支持作者"),
        ("zh-Hant-TW", SOFTWARE, "感谢您的支持，我们会继续改进插件。", "感謝您的支持"),
        ("zh-Hant-HK", SOFTWARE, "感谢您的支持，我们会继续改进插件。", "感謝您的支持"),
        ("zh-Hant-TW", GENERAL, "二次函数的图像是一条抛物线。", "二次函數"),
        ("zh-Hant-TW", SOFTWARE, "Math.sin 用来计算三角函数的值。", "三角函數"),
        ("zh-Hant-TW", GENERAL, "在 Rust 中可以注册全局调试钩子。", "全域除錯"),
        # The guards: going back, the registry, overloading, a program's support, a program's function.
        ("zh-Hant-TW", SOFTWARE, "点击按钮返回当前位置。", "返回目前位置"),
        ("zh-Hant-TW", SOFTWARE, "编辑完成后返回当前页。", "返回目前頁"),
        ("zh-Hant-TW", SOFTWARE, "按 Esc 返回的时候会保存草稿。", "返回的時候"),
        ("zh-Hant-TW", GENERAL, "打开注册表编辑器修改键值。", "登錄檔編輯器"),
        ("zh-Hant-TW", SOFTWARE, "在 C++ 中可以进行运算符重载。", "運算子多載"),
        ("zh-Hant-TW", SOFTWARE, "本插件支持作者、标题等字段。", "支援作者"),
        ("zh-Hant-HK", SOFTWARE, "本插件支持作者、标题等字段。", "支援作者"),
        ("zh-Hant-HK", SOFTWARE, "请联系您的支持团队。", "支援團隊"),
        ("zh-Hant-TW", SOFTWARE, "调用这个函数即可。", "函式"),
        ("zh-Hant-TW", GENERAL, "村民们组成人链接力传递沙袋。", "人鏈接力"),
    ],
)
def test_the_classes_read_right_in_other_sentences(
    code: str, domain: str, source: str, expected: str
) -> None:
    """The classes read right, as shipped, in sentences the rules were not written from."""
    assert expected in shipped_in(code, domain)(source)


def test_heldout62_after_the_rules() -> None:
    """By document (39 files, software text but czsc's README), aligned: Taiwan 26 → 6 wrong words, Hong Kong 3 → 1
    (left: 返回列表表格… at a line's start ×2, where 返回列表 is also going back to a list; 想支持X的开发 with a package name
    between; 需要通过指定的权限验证 (passing, 通過); 通过重载X方法 (overriding); czsc's 这三个项目 in general text)."""
    assert wrong_words_by_document(HELDOUT62) == {"zh-Hant-TW": 6, "zh-Hant-HK": 1}
