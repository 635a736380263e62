"""A Taiwan and Hong Kong editor's review of session 32's heldout21 and conv22 rules (session 32 — convreview2).

Misfires found with realistic sentences (the rules changed a right word or made one wrong), each mended in
hooks/zhudu/script/data/regional.yml by a guard: a declaration in a general note with no programming word right
beside 声明 (在 Python 里声明一个列表, 声明式编程), a computer process after a word of history (查看历史进程, 统一进程间通信),
reloading history or records (刷新历史记录), an animal that 许愿 after 是只, an institution's operating procedure in Hong
Kong (董事会的运行程序).  And Taiwan's welfare items (社会福利项目), which s2twp made projects.
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert

from zhudu.script.domain import GENERAL, SOFTWARE

#: Declaring code in a general note (no code block): Taiwan's 宣告, as s2twp writes it.
DECLARATIONS = [
    ("在 Python 里声明一个列表。", "在 Python 裡宣告一個列表。"),
    ("在 Rust 中声明一个结构体。", "在 Rust 中宣告一個結構體。"),
    ("声明式编程和命令式编程。", "宣告式程式設計和指令式程式設計。"),
    ("声明式 UI 框架越来越流行。", "宣告式 UI 框架越來越流行。"),
    ("这个属性必须在构造函数里声明。", "這個屬性必須在建構函式裡宣告。"),
    ("在头文件里声明，在源文件里定义。", "在標頭檔裡宣告，在原始檔裡定義。"),
    ("在 package.json 里声明依赖。", "在 package.json 裡宣告依賴。"),
    ("你可以在文件开头声明编码。", "你可以在檔案開頭宣告編碼。"),
]


@pytest.mark.parametrize(("source", "expected"), DECLARATIONS)
def test_declaring_code_in_a_general_note_is_xuangao(source: str, expected: str) -> None:
    """Declaring an item, declarative programming, declaring in a function or a header stay 宣告 in general text."""
    assert convert(TW, GENERAL, source) == expected


def test_statements_stay_shengming() -> None:
    """The guards leave a statement alone (a bare one in general text, a statement's word in software text)."""
    assert convert(TW, GENERAL, "我声明一下，我不是专家；他在博客里声明不再更新。") == (
        "我聲明一下，我不是專家；他在部落格裡聲明不再更新。"
    )
    assert convert(TW, SOFTWARE, "双方签署了联合声明。") == "雙方簽署了聯合聲明。"


@pytest.mark.parametrize("domain", [GENERAL, SOFTWARE])
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("查看历史进程，可以用 ps 命令。", "檢視歷史程序，可以用 ps 指令。"),
        ("系统提供统一进程间通信接口。", "系統提供統一程序間通訊介面。"),
        ("我们需要一个社会进程管理工具。", "我們需要一個社會程序管理工具。"),
    ],
)
def test_a_computer_process_after_a_word_of_history_is_opencc_s(
    domain: str, source: str, expected: str
) -> None:
    """A process of a computer after 历史 / 统一 / 社会 keeps s2twp's 程序; 歷史進程 stays for the course of history."""
    assert convert(TW, domain, source) == expected
    assert convert(TW, domain, "这改变了历史进程。") == "這改變了歷史進程。"


@pytest.mark.parametrize(
    ("domain", "source", "expected"),
    [
        (SOFTWARE, "点击按钮刷新历史记录。", "點選按鈕重新整理歷史記錄。"),
        (SOFTWARE, "刷新记录后就能看到新数据。", "重新整理記錄後就能看到新資料。"),
        (GENERAL, "下拉刷新历史消息。", "下拉重新整理歷史訊息。"),
        (GENERAL, "刷新记录列表后就能看到新数据。", "重新整理記錄列表後就能看到新資料。"),
        (GENERAL, "这个网页每隔五秒刷新历史数据。", "這個網頁每隔五秒重新整理歷史資料。"),
    ],
)
def test_reloading_history_or_records_is_chongxin_zhengli(domain: str, source: str, expected: str) -> None:
    """Reloading a history or a list of records is 重新整理 (s2twp), not a record broken."""
    assert convert(TW, domain, source) == expected


@pytest.mark.parametrize("domain", [GENERAL, SOFTWARE])
def test_breaking_a_record_stays_shuaxin(domain: str) -> None:
    """刷新纪录, 刷新了世界纪录 are records broken in either text."""
    assert convert(TW, domain, "她刷新了世界纪录，又一次刷新纪录。") == "她刷新了世界紀錄，又一次刷新紀錄。"


@pytest.mark.parametrize("domain", [GENERAL, SOFTWARE])
def test_welfare_items_are_xiangmu_in_taiwan(domain: str) -> None:
    """The shipped notes' 社会福利项目 (conv22 saw 社會福利專案): Taiwan writes 社會福利項目, as 員工福利項目."""
    source = "这笔钱大部分都来自他无权触碰的社会福利项目，员工福利项目也很少。"
    assert convert(TW, domain, source) == "這筆錢大部分都來自他無權觸碰的社會福利項目，員工福利項目也很少。"


@pytest.mark.parametrize("code", [TW, HK])
def test_an_animal_that_xuyuan_is_zhi(code: str) -> None:
    """是只 + 许愿 / 许多 is an animal (隻); 是只许 "only allows" stays 只."""
    assert convert(code, GENERAL, "这是只许愿的乌龟。") == "這是隻許願的烏龜。"
    assert convert(code, GENERAL, "这是只许多人都想养的猫。") == "這是隻許多人都想養的貓。"
    assert (
        convert(code, GENERAL, "现代愚民政策是只许人民受某一种教育。")
        == "現代愚民政策是只許人民受某一種教育。"
    )


def test_an_institution_s_operating_procedure_is_chengxu_in_hong_kong() -> None:
    """董事会的运行程序 is a procedure (程序) in Hong Kong general text; running a program stays 程式."""
    assert convert(HK, GENERAL, "董事会的运行程序要公开透明。") == "董事會的運行程序要公開透明。"
    assert convert(HK, GENERAL, "允许未登录用户运行程序。").endswith("運行程式。")
