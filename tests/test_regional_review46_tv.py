"""A reader's review, session 46 — tv (issue 25): Taiwan and Hong Kong words left on zh-Hans pages of notes written in
Traditional (hexo-docs zh-tw and three test notes), and a Hong Kong note's Taiwan page.

Rules: hooks/zhudu/script/data/regional.yml, ``# Session 46 — from-hant 3`` (end of the ``from-hant:`` section) and
``# Session 46 — tv`` (end of ``zh-Hant-TW``).  Pure converter tests, no site build.
"""

from __future__ import annotations

import pytest
from from_hant_shape import TW, from_hant
from test_regional_review32_senses import convert  # the layer alone, by variant and domain

from heldout_shape import rules_after_marker
from zhudu.script.convert import DEFAULT_VARIANTS, ConversionRules, Converter
from zhudu.script.domain import GENERAL, SOFTWARE

HANS = next(v for v in DEFAULT_VARIANTS if v.code == "zh-Hans")


def from_hant_in(domain: str | None, text: str) -> str:
    """``text``, written in Traditional, on the zh-Hans page of a note of ``domain`` (the layer alone)."""
    return Converter(HANS, ConversionRules(), source_script="Hant", domain=domain).text(text)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("請確保已在印表機驅動程式中設定。", "请确保已在打印机驱动程序中设置。"),
        ("Python 是一種物件導向的程式語言。", "Python 是一种面向对象的程序语言。"),
        ("front-matter 所設定的變數；變數的作用域。", "front-matter 所设置的变量；变量的作用域。"),
        ("Hexo 3 引入了新的資料檔案，也可以寫進資料檔。", "Hexo 3 引入了新的数据文件，也可以写进数据文件。"),
        ("請檢查伺服器的日誌檔。", "请检查服务器的日志文件。"),
        ("有些硬體還要在使用之前載入韌體。", "有些硬件还要在使用之前加载固件。"),
        ("然後當機無數次，編輯器就當掉。", "然后死机无数次，编辑器就死机。"),
        ("請留下行動電話或手提電話號碼。", "请留下手机或手机号码。"),
        ("錯誤訊息會附上完整的堆疊追蹤。", "错误信息会附上完整的堆栈跟踪。"),
        ("茶餐廳的餐牌上有菠蘿油。", "茶餐厅的菜单上有菠萝油。"),
        ("`public/` 是不會被上載到儲存庫的。", "`public/` 是不会被上传到仓库的。"),
        ("文章的照片（用於相簿）。", "文章的照片（用于相册）。"),
        ("防止使用者使用內建 VPN 功能；最佳化內建分詞。", "防止用户使用内置 VPN 功能；优化内置分词。"),
        ("在 `node_modules` 資料夾中建立資料夾。", "在 `node_modules` 文件夹中创建文件夹。"),
        ("在 `themes` 資料夾內新增一個資料夾。", "在 `themes` 文件夹内新建一个文件夹。"),
        ("描述套件的用途和相依套件。", "描述套件的用途和依赖包。"),
        ("您可善用 Hexo 提供的官方工具套件。", "您可善用 Hexo 提供的官方工具包。"),
        ("改進程式碼品質；空氣品質差。", "改进代码质量；空气质量差。"),
        ("切換基礎類別的匯出方式；book 文件類別。", "切换基础类的导出方式；book 文档类。"),
        # Other senses stay as t2s writes them: an uncertainty, a decision on the spot, failing a course, a file a user
        # uploaded, LibreOffice's Gallery, a built-in shell command, building in a district, a toolset, a person's
        # qualities, a quoted label, a category, a category's alias.
        ("這場比賽還充滿變數。", "这场比赛还充满变数。"),
        ("他當機立斷，報了警。", "他当机立断，报了警。"),
        ("他這學期被當掉兩科。", "他这学期被当掉两科。"),
        ("此檔案已由使用者上載。", "此文件已由用户上载。"),
        ("將不同的相簿物件拖到該物件上。", "将不同的相簿对象拖到该对象上。"),
        # Its 指令 is 命令 since session 49 (ft), as heldout32's original writes it (该命令是 bash 内建命令).
        ("該指令是 bash 內建指令。", "该命令是 bash 内建命令。"),
        ("在蓄滯洪區內建造房屋。", "在蓄滞洪区内建造房屋。"),
        ("完整的影像工具套件。", "完整的影像工具套件。"),
        ("知錯能改是個好品質。", "知错能改是个好品质。"),
        ("會出現一個“高品質”的按鈕。", "会出现一个“高品质”的按钮。"),
        ("此類別中的產品是附加產品。", "此类别中的产品是附加产品。"),
        ("| `default_category` | 分類別名 |", "| `default_category` | 分类别名 |"),
    ],
)
def test_a_traditional_note_on_the_simplified_site(source: str, expected: str) -> None:
    assert from_hant.converters(TW)["zhudu"](source) == expected


def test_a_variable_on_its_own_is_a_programs_in_software_text() -> None:
    """A page title or a table header (變數 | 描述) has no word beside it: software text tells the sense."""
    assert from_hant_in(SOFTWARE, "變數") == "变量"
    assert from_hant_in(SOFTWARE, "這場比賽還充滿變數。") == "这场比赛还充满变数。"
    assert from_hant_in(GENERAL, "變數") == "变数"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("香港茶餐厅的菜单上有菠萝油和丝袜奶茶。", "香港茶餐廳的菜單上有菠蘿油和絲襪奶茶。"),
        ("我把照片放到网上相簿。", "我把照片放到網路相簿。"),
        ("海南的菠萝上市了。", "海南的鳳梨上市了。"),
    ],
)
def test_a_hong_kong_note_on_the_taiwan_site(source: str, expected: str) -> None:
    for domain in (GENERAL, SOFTWARE):
        assert convert(TW, domain, source) == expected


def test_a_menu_without_food_beside_it_is_a_programs() -> None:
    """A game's manual or an image editor's notes are general text with a program's menu (heldout18, heldout30)."""
    for domain in (GENERAL, SOFTWARE):
        assert convert(TW, domain, "点击右上角的菜单。") == "點選右上角的選單。"
        assert convert(TW, domain, "在攻击选择菜单中选择伤害计算。") == "在攻擊選擇選單中選擇傷害計算。"


def test_the_batch_is_in_the_layer() -> None:
    assert [(r.code, r.word, r.out) for r in rules_after_marker("# Session 46 — tv")] == [
        ("zh-Hant-TW", "菜单", "菜單"),
        ("zh-Hant-TW", "菠萝油", "菠蘿油"),
        ("zh-Hant-TW", "网上相簿", "網路相簿"),
    ]
