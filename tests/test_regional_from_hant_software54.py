"""A Taiwan note that is software text, on its zh-Hans page: the rules of `# Session 54 — FH` (issue 25).

regional.yml's `from-hant:` block "Session 54 — FH", written from the four from-hant sets' rules halves and every set's
Taiwan labels read backwards, never from the held-out halves: 文件 of documentation (文档), 指令 of a command (命令),
參照 of a reference (引用), 支援 of support (支持), 開啟 of a document, a dialog or a menu opened (打开), 檔 after a
file's kind (文件), 原始檔, 映像檔, 壓縮檔, 安裝檔; and 例外 → 异常 (session 53) now for a Taiwan note only.  Each on
sentences of other text, in software text, where it fires and where it must not, for a Taiwan and a Hong Kong note.
The held-out halves' figures after it are `test_conversion_domain_hant.py`'s BY_DOCUMENT.
"""

from __future__ import annotations

import pytest
from from_hant_shape import TW, bench_conversion, from_hant

HK = "zh-Hant-HK"
SOFTWARE = bench_conversion.SOFTWARE


def _software(code: str, text: str) -> str:
    """``text``, a note of ``code``'s region that is software text, on its zh-Hans page."""
    return from_hant.converters(code, SOFTWARE)["zhudu"](text)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Where they fire: the labels of heldout3, heldout15, heldout17, heldout20, heldout30, heldout32 and plain
        # sentences.  Documentation, a command, a reference, support, a document opened, a file by its kind.
        ("這一節展示了如何高效閱讀文件。", "这一节展示了如何高效阅读文档。"),
        (
            "部分來自 LSR 的指導性例子也在我們的官方文件中包含。",
            "部分来自 LSR 的指导性例子也在我们的官方文档中包含。",
        ),
        ("可以用下面指令找到那些預先打包的核心。", "可以用下面命令找到那些预先打包的核心。"),
        ("2: 列號採用絕對參照；欄號採用相對參照(A$1)", "2: 列号采用绝对引用；栏号采用相对引用(A$1)"),
        ("則相同的參照將根據設定顯示。", "则相同的引用将根据设置显示。"),
        ("模組也提供支援時區換算的類別。", "模块也提供支持时区换算的类别。"),
        ("選取此選項僅允許以唯讀模式開啟此文件。", "选取此选项仅允许以只读模式打开此文档。"),
        (
            "模組 compileall 可以為資料夾中的所有模組創建 .pyc 檔。",
            "模块 compileall 可以为文件夹中的所有模块创建 .pyc 文件。",
        ),
        ("找不到可以檢測的安裝資訊檔。", "找不到可以检测的安装信息文件。"),
        ("原始檔目錄和目標目錄不能是同一目錄", "源文件目录和目标目录不能是同一目录"),
        ("從清華大學源中下載 iso 映像檔。", "从清华大学源中下载 iso 镜像文件。"),
        ("下載對應版本的壓縮檔，然後解壓。", "下载对应版本的压缩文件，然后解压。"),
        ("在 Windows 下面就是下載執行那個安裝檔。", "在 Windows 下面就是下载执行那个安装包。"),
        ("若該例外未被處理，程式會印出錯誤訊息並終止。", "若该异常未被处理，程序会印出错误信息并终止。"),
        # The other senses, as t2s writes them: a legal paper, a paper folder, a settings or a key file; a
        # processor's instruction, a model's instruction, a trading order; referring to something; help sent; a
        # feature turned on; a film's run, a partner; 原始檔案 and 映像檔案 (the 檔案 rule's).
        ("任務：在法律文件中識別和分類命名實體。", "任务：在法律文件中识别和分类命名实体。"),
        ("請把文件夾放在桌上；使用密鑰文件。", "请把文件夹放在桌上；使用密钥文件。"),
        ("我們使用 cpuid 指令讀取 CPU 製造商 ID。", "我们使用 cpuid 指令读取 CPU 制造商 ID。"),
        (
            "透過提供清晰而具體的指令，您可以引導模型的輸出。",
            "通过提供清晰而具体的指令，您可以引导模型的输出。",
        ),
        ("指令：摘要應與文章中提供的資訊一致", "指令：摘要应与文章中提供的信息一致"),
        ("根據策略結果生成交易指令。", "根据策略结果生成交易指令。"),
        (
            "你可以參照這個受控例子；其他語言，請參照對應的 XML SDK。",
            "你可以参照这个受控例子；其他语言，请参照对应的 XML SDK。",
        ),
        ("醫療隊前往災區支援。", "医疗队前往灾区支援。"),
        ("開啟此選項後，需要再允許擴充套件才能運作。", "开启此选项后，需要再允许扩展才能运作。"),
        ("這部電影的檔期在暑假；他是我的老搭檔。", "这部电影的档期在暑假；他是我的老搭档。"),
        ("備份是為了防止原始檔案丟失；找到那些映像檔案。", "备份是为了防止原始文件丢失；找到那些映像文件。"),
        ("唯一的例外是，當發牌區為空的情況時。", "唯一的例外是，当发牌区为空的情况时。"),
    ],
)
def test_a_taiwan_software_note_on_the_simplified_site(source: str, expected: str) -> None:
    assert _software(TW, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A Hong Kong author's 文件 is a file, 指令 as often the mainland's 指令, 參照 the verb, 例外 an exception to a
        # rule (evolution's zh_HK 編輯例外, a calendar's): all as t2s writes them.  支援, 開啟 and 檔 read as Taiwan's.
        ("請將文件儲存到桌面。", "请将文件保存到桌面。"),
        ("執行這項指令可得知目前登入系統的人數。", "执行这项指令可得知目前登录系统的人数。"),
        ("編輯例外", "编辑例外"),
        ("加入讀取 PDF 文件的支援", "加入读取 PDF 文件的支持"),
        ("開啟新的文件", "打开新的文件"),
        ("選擇圖片檔", "选择图片文件"),
    ],
)
def test_a_hong_kong_software_note_keeps_its_senses(source: str, expected: str) -> None:
    assert _software(HK, source) == expected


def test_general_text_is_left_as_before() -> None:
    """Every rule of the block is software text's: a note of general text keeps t2s's words."""
    text = "請閱讀文件，執行上面的指令，支援前線。"
    assert from_hant.converters(TW)["zhudu"](text) == "请阅读文件，执行上面的指令，支援前线。"
