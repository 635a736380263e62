"""The conversion errors session 32 found and left (issue 25, session 33 — conv24).

The "Session 33 — conv24" blocks of hooks/zhudu/script/data/regional.yml: s2twp writes every 文件 as 檔案 (a computer
file), also where a neighbour says a document (聯合國文件, 這份文件, 文件精神); each case below was converted wrongly
before the block.  In software text a bare 声明 stays s2twp's 宣告 (declaring code) unless an author's statement is beside it
(作者聲明, 我聲明一下, 聲明不再更新).
"""

from __future__ import annotations

import pytest

from heldout_shape import VARIANTS, assert_new_rules_keep_opencc_phrases
from zhudu.script.convert import ConversionRules, Converter
from zhudu.script.domain import GENERAL, SOFTWARE

TW, HK = "zh-Hant-TW", "zh-Hant-HK"


def convert(code: str, domain: str, text: str) -> str:
    """``text`` converted by the default regional layer alone (no editor's rules)."""
    return Converter(VARIANTS[code], ConversionRules(), domain=domain).text(text)


#: A document, said by a neighbour in any text (s2twp wrote 檔案 in each).
DOCUMENTS = [
    ("这份文件很重要。", "這份文件很重要。"),
    ("政府文件名称为《关于加强管理的通知》。", "政府文件名稱為《關於加強管理的通知》。"),
    ("这是联合国文件的中文版。", "這是聯合國文件的中文版。"),
    ("律师审阅了全部法律文件。", "律師審閱了全部法律文件。"),
    ("两国外交文件显示了这一点。", "兩國外交文件顯示了這一點。"),
    ("单位下发了一份红头文件。", "單位下發了一份紅頭文件。"),
    ("会议传达了国务院文件精神。", "會議傳達了國務院文件精神。"),
    ("他在文件上签字。", "他在文件上簽字。"),
    ("法院要求提供证明文件。", "法院要求提供證明文件。"),
]


@pytest.mark.parametrize(("source", "expected"), DOCUMENTS)
@pytest.mark.parametrize("domain", [GENERAL, SOFTWARE])
def test_a_document_is_wenjian_in_taiwan(domain: str, source: str, expected: str) -> None:
    """A document beside its neighbour is 文件 in Taiwan, in any text (hexo-docs' zh-tw writes 這份文件 too)."""
    assert convert(TW, domain, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("各地认真学习十五大文件。", "各地認真學習十五大文件。"),
        ("省政府一号文件已经下发。", "省政府一號文件已經下發。"),
        ("两国签署了合作文件，又签署文件三份。", "兩國簽署了合作文件，又簽署文件三份。"),
    ],
)
def test_a_document_studied_signed_or_numbered_is_wenjian_in_general_text(source: str, expected: str) -> None:
    """Studying, signing or numbering a document says so in general text only."""
    assert convert(TW, GENERAL, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("明文签署文件不可用。", "明文簽署檔案不可用。"),
        ("把 2 号文件拷贝到 U 盘。", "把 2 號檔案複製到隨身碟。"),
        ("机器学习文件都放在 data 目录。", "機器學習檔案都放在 data 目錄。"),
    ],
)
def test_signed_or_numbered_files_in_software_text_stay_dangan(source: str, expected: str) -> None:
    """In software text a signed file (GnuPG's), a numbered one, a machine-learning one is a computer file."""
    assert convert(TW, SOFTWARE, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("请先备份文件再升级。", "請先備份檔案再升級。"),
        ("打开文件后按 Ctrl+S 保存。", "開啟檔案後按 Ctrl+S 儲存。"),
        ("把 PDF 文件放进政府文件夹。", "把 PDF 檔案放進政府資料夾。"),
        ("重要文件要不停地备份。", "重要檔案要不停地備份。"),
        ("这个文件系统很稳定。", "這個檔案系統很穩定。"),
        ("“bf” 选项指定了客户机应该取得的文件名称。", "“bf” 選項指定了用戶端應該取得的檔案名稱。"),
    ],
)
@pytest.mark.parametrize("domain", [GENERAL, SOFTWARE])
def test_a_computer_file_stays_dangan(domain: str, source: str, expected: str) -> None:
    """Without a document's neighbour 文件 stays OpenCC's 檔案, in general text too (blogs' 文件 are mostly files)."""
    assert convert(TW, domain, source) == expected


def test_hong_kong_keeps_wenjian() -> None:
    """s2hkp keeps 文件 for both senses; the rules are Taiwan's only."""
    assert convert(HK, GENERAL, "这份文件很重要。") == "這份文件很重要。"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("作者声明本文仅代表个人立场。", "作者聲明本文僅代表個人立場。"),
        ("我声明一下，这个插件已经停止维护。", "我聲明一下，這個外掛已經停止維護。"),
        ("他在博客里声明不再更新。", "他在部落格裡聲明不再更新。"),
        ("声明：本文转载自网络。", "聲明：本文轉載自網路。"),
        ("客人要事先声明要有网络的房间。", "客人要事先聲明要有網路的房間。"),
    ],
)
def test_an_author_s_statement_is_shengming_in_software_text(source: str, expected: str) -> None:
    """An author's statement in a software note is 聲明, not declaring code (宣告)."""
    assert convert(TW, SOFTWARE, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("笔者声明一个变量来保存结果。", "筆者宣告一個變數來儲存結果。"),
        ("类型声明：string", "型別宣告：string"),
        ("用 fn 关键字声明。", "用 fn 關鍵字宣告。"),
        ("在这里声明所有的常量。", "在這裡宣告所有的常數。"),
    ],
)
def test_declaring_code_stays_xuangao_in_software_text(source: str, expected: str) -> None:
    """Declaring code keeps 宣告 in software text, beside the statement rule's words too."""
    assert convert(TW, SOFTWARE, source) == expected


#: This session's rules, by (variant key, word, domain).
NEW_RULES = {
    (TW, "文件", ""),
    (TW, "文件", "software"),
    (TW, "文件名称", ""),
    (TW, "红头文件", ""),
    (TW, "声明", "software"),
}


def test_the_new_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """Inside one of OpenCC's own phrases a new rule word gives what the layer wrote there before, but for the phrase
    s2twp swaps into a computer file (規範性檔案), which the rules are for."""
    assert_new_rules_keep_opencc_phrases(TW, NEW_RULES, on_purpose={"规范性文件"})
