"""A Taiwan and Hong Kong editor's review of session 33's heldout22 rules (session 33 — convreview).

Misfires found with realistic sentences where the rules' words stand in another sense, each mended in
hooks/zhudu/script/data/regional.yml by a guard or a narrower rule: a procedure's code (手术操作程序代码), open-source
code read as source code (开源程序代码 → 開原始程式碼), a landing quit (退出登陆火星的计划, 登陆舱, a game's 登陆器), a name
or a milestone after a grid's word (南方格里菲思大学, 网格里程碑), extending the command line (扩展命令行), batch
processing files (批处理文件夹), a prompt's symbol (命令提示符号), downloading an address book (下载地址簿) and windows
that are no screen's (车窗口里, 时间窗口里).  Each test also holds the rule's own sentence, which it must keep.
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert

from zhudu.script.domain import GENERAL, SOFTWARE

BOTH = [TW, HK]
DOMAINS = [GENERAL, SOFTWARE]


@pytest.mark.parametrize("code", BOTH)
@pytest.mark.parametrize("domain", DOMAINS)
def test_a_procedure_s_code_is_chengxu_daima(code: str, domain: str) -> None:
    """A medical or an administrative procedure's code is 程序代碼; a program's code (a code editor operated) stays 程式碼."""
    assert convert(code, domain, "医院按照手术操作程序代码填写病案首页。") == (
        "醫院按照手術操作程序代碼填寫病案首頁。"
    )
    assert convert(code, domain, "每一项诊疗程序代码都要录入医保系统。").startswith("每一項診療程序代碼")
    assert convert(code, domain, "审批程序代码化以后，效率高了很多。").startswith("審批程序代碼化")
    assert convert(code, domain, "请把这段程序代码复制到编辑器中。").startswith("請把這段程式碼")
    assert convert(code, domain, "新手不会操作程序代码编辑器。").endswith("操作程式碼編輯器。")


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("这个网站提供大量开源程序代码供大家学习。", "這個網站提供大量開源程式碼供大家學習。"),
        ("这套开源程序代码遵循 MIT 许可证。", "這套開源程式碼遵循 MIT 許可證。"),
        ("资源程序代码放在 res 目录。", "資源程式碼放在 res 目錄。"),
    ],
)
def test_open_source_code_is_not_source_code_in_taiwan(domain: str, source: str, expected: str) -> None:
    """开源程序代码 is open-source code (開源程式碼), not 開 + 原始程式碼; 源程序代码 stays 原始程式碼."""
    assert convert(TW, domain, source) == expected
    assert convert(TW, domain, "下载源程序代码后自行编译。") == "下載原始程式碼後自行編譯。"


LANDINGS = [
    ("美国宣布退出登陆火星的计划。", "美國宣佈退出登陸火星的計劃。"),
    ("苏联后来退出登陆月球的竞赛。", "蘇聯後來退出登陸月球的競賽。"),
    ("日军被迫退出登陆战。", "日軍被迫退出登陸戰。"),
    ("部队奉命退出登陆滩头，撤回舰上。", "部隊奉命退出登陸灘頭，撤回艦上。"),
    ("他悄悄退出登陆舱，开始了太空行走。", "他悄悄退出登陸艙，開始了太空行走。"),
    ("玩完游戏记得先退出登陆器再关电脑。", "玩完遊戲記得先退出登陸器再關電腦。"),
    ("台风来袭，游客纷纷退出登陆岛上的计划。", "颱風來襲，遊客紛紛退出登陸島上的計劃。"),
]


@pytest.mark.parametrize("code", BOTH)
@pytest.mark.parametrize(("source", "expected"), LANDINGS)
def test_quitting_a_landing_is_not_logging_out(code: str, source: str, expected: str) -> None:
    """退出 + 登陆 of a landing (火星, 登陆战, 登陆舱, a game's launcher 登陆器) stays 退出登陸; logging out is 登出."""
    assert convert(code, SOFTWARE, source) == expected
    assert (
        convert(code, SOFTWARE, "你最好在打算退出登陆的时候再用 C-x C-c。")
        == "你最好在打算登出的時候再用 C-x C-c。"
    )


@pytest.mark.parametrize("code", BOTH)
def test_logging_out_of_battle_net_or_an_app_is_still_dengchu(code: str) -> None:
    """The landing guards leave logging out alone (Battle.net's 战网, an app named after it, a login again)."""
    assert convert(code, SOFTWARE, "退出登陆战网客户端。").startswith("登出戰網")
    assert convert(code, SOFTWARE, "如何退出登陆微信网页版？").startswith("如何登出微信")
    assert convert(code, SOFTWARE, "点了退出登陆没反应。") == "點了登出沒反應。"
    assert convert(code, SOFTWARE, "日军被迫退出登陆战。") == "日軍被迫退出登陸戰。"


@pytest.mark.parametrize("code", BOTH)
@pytest.mark.parametrize(
    "source",
    [
        "南方格里菲思大学在昆士兰州。",
        "我方格里沙已经就位。",
        "对方格里尔曼的防守很出色。",
        "这个网格里程碑式的设计影响了很多人。",
    ],
)
def test_a_name_or_a_milestone_after_a_grid_s_word_keeps_li(code: str, source: str) -> None:
    """格里 + a name's rest (菲思, 沙, 尔) or 里程碑 is no "inside the grid": 里 stays; 窗格里 is still 窗格裡 / 窗格裏."""
    assert "格里" in convert(code, GENERAL, source)
    inside = "格裡" if code == TW else "格裏"
    assert inside in convert(code, GENERAL, "这两个窗格里显示的都是本篇快速指南。")


@pytest.mark.parametrize("code", BOTH)
@pytest.mark.parametrize(
    "source", ["小学生在田字格里练习写字。", "请在每一格里填一个数字。", "漫画的每个画格里都有一句台词。"]
)
def test_a_square_of_a_writing_grid_or_a_comic_is_inside(code: str, source: str) -> None:
    """田字格里, 每一格里, 画格里 are inside a square: 裡 (Taiwan), 裏 (Hong Kong), as 窗格里."""
    assert ("格裡" if code == TW else "格裏") in convert(code, GENERAL, source)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("可以通过插件扩展命令行工具的功能。", "可以透過外掛擴展命令列工具的功能。"),
        ("这个脚本会扩展命令行参数中的通配符。", "這個腳本會擴展命令列參數中的萬用字元。"),
        ("Bash 的扩展命令行编辑功能很好用。", "Bash 的擴展命令列編輯功能很好用。"),
    ],
)
def test_extending_the_command_line_is_not_an_extended_command(
    domain: str, source: str, expected: str
) -> None:
    """扩展 + 命令行 is the command line (命令列) extended; C-x's 扩展命令 stays 擴充指令."""
    assert convert(TW, domain, source) == expected
    assert convert(TW, domain, "C-x 的扩展命令有很多。") == "C-x 的擴充指令有很多。"


def test_command_and_control_is_not_an_extended_command() -> None:
    """扩展 + 命令与控制 (command and control) keeps 命令 in general text."""
    assert (
        convert(TW, GENERAL, "公司计划扩展命令与控制系统的覆盖面。") == "公司計劃擴展命令與控制系統的覆蓋面。"
    )
    assert convert(TW, GENERAL, "M-x 是执行扩展命令的前缀。") == "M-x 是執行擴充指令的字首。"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Photoshop 可以批处理文件夹中的所有图片。", "Photoshop 可以批處理資料夾中的所有圖片。"),
        ("批处理文件夹里的照片之前先备份一下。", "批處理資料夾裡的照片之前先備份一下。"),
        ("我写了个脚本批处理文件名。", "我寫了個腳本批處理檔名。"),
        ("这个工具能批处理文件格式转换。", "這個工具能批處理檔案格式轉換。"),
        ("Lightroom 支持批处理文件导出。", "Lightroom 支援批處理檔案匯出。"),
    ],
)
def test_batch_processing_files_is_no_batch_file(domain: str, source: str, expected: str) -> None:
    """批处理 the verb (a folder, names, formats, an export) is no batch file (批次檔); a .bat file still is."""
    assert convert(TW, domain, source) == expected
    assert convert(TW, domain, "双击这个批处理文件就能启动服务。") == "雙擊這個批次檔就能啟動服務。"


@pytest.mark.parametrize(
    ("domain", "source", "expected"),
    [
        (GENERAL, "Bash 的命令提示符号默认是美元符号。", "Bash 的命令提示符號預設是美元符號。"),
        (SOFTWARE, "Bash 的命令提示符号默认是美元符号。", "Bash 的指令提示符號預設是美元符號。"),
        (SOFTWARE, "在提示符号后面输入命令。", "在提示符號後面輸入指令。"),
    ],
)
def test_a_prompt_s_symbol_is_tishi_fuhao(domain: str, source: str, expected: str) -> None:
    """A prompt's symbol is 提示符號 (s2twp left 提示字元號); Windows' Command Prompt stays 命令提示字元."""
    assert convert(TW, domain, source) == expected
    assert convert(TW, domain, "以管理员身份运行命令提示符。") == "以管理員身份執行命令提示字元。"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("从云端下载地址簿到手机上。", "從雲端下載地址簿到手機上。"),
        ("你可以下载地址库文件。", "你可以下載地址庫檔案。"),
        ("下载地址栏里的链接就能看到。", "下載位址列裡的連結就能看到。"),
        ("快递员让我下载地址标签打印出来。", "快遞員讓我下載地址標籤列印出來。"),
    ],
)
def test_downloading_an_address_book_is_no_url(domain: str, source: str, expected: str) -> None:
    """下载 + 地址簿 / 地址库 / 地址栏 / 地址标签 keeps OpenCC's address; a download's address stays 下載網址."""
    assert convert(TW, domain, source) == expected
    assert convert(TW, domain, "官方的下载地址在页面底部。") == "官方的下載網址在頁面底部。"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("他从车窗口里探出头来。", "他從車窗口裡探出頭來。"),
        ("这次升级的时间窗口里不能发布新版本。", "這次升級的時間窗口裡不能發布新版本。"),
        ("在这个机会窗口里，我们必须尽快上线。", "在這個機會窗口裡，我們必須儘快上線。"),
        ("我透过窗口里的灯光看到她还在加班。", "我透過窗口裡的燈光看到她還在加班。"),
        ("学校的小卖部窗口里摆满了零食。", "學校的小賣部窗口裡擺滿了零食。"),
        ("火车站的售票处窗口里没人。", "火車站的售票處窗口裡沒人。"),
    ],
)
def test_a_window_that_is_no_screen_s_keeps_chuangkou(source: str, expected: str) -> None:
    """In software text a car's, a kiosk's, a window of time or of opportunity keep 窗口裡; a screen's is 視窗裡."""
    assert convert(TW, SOFTWARE, source) == expected
    assert convert(TW, SOFTWARE, "在终端窗口里输入 make。") == "在終端視窗裡輸入 make。"


@pytest.mark.parametrize("code", BOTH)
@pytest.mark.parametrize(
    "source",
    ["双击快捷方式就能打开程序。", "右键点击快捷方式，选择属性。", "这个快捷方式指向的文件已经被删除。"],
)
def test_a_shortcut_clicked_or_pointing_is_jiejing(code: str, source: str) -> None:
    """A shortcut double-clicked, right-clicked or pointing at a file is a Windows shortcut (捷徑); the quickest way is not."""
    assert "捷徑" in convert(code, SOFTWARE, source)
    assert convert(code, SOFTWARE, "学习的最快捷方式是动手。").endswith("最快捷方式是動手。")
