"""The conversion errors session 32 found and left (issue 25, session 33 — conv24).

The "Session 33 — conv24" blocks of hooks/zhudu/script/data/regional.yml: s2twp writes every 文件 as 檔案 (a computer
file), also where a neighbour says a document (聯合國文件, 這份文件, 文件精神); each case below was converted wrongly
before the block.  In software text a bare 声明 stays s2twp's 宣告 (declaring code) unless an author's statement is beside it
(作者聲明, 我聲明一下, 聲明不再更新).  Then heldout20's leftovers (a packet, a console, disk access, detecting hardware, a
volume, 只 "only") and OpenCC's IT table in general prose (註銷戶口, 卸載貨物, 導出結論, 文物保存, 列車調度, 低級錯誤, 更新率).
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from heldout_shape import assert_new_rules_keep_opencc_phrases
from zhudu.script.domain import GENERAL, SOFTWARE

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
        ("配置文件规定了端口。", "配置檔案規定了埠。"),
        ("中央文件服务器宕机了。", "中央檔案伺服器當機了。"),
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
        ("需要事先声明所有变量。", "需要事先宣告所有變數。"),
        ("使用如下声明：", "使用如下宣告："),
    ],
)
def test_declaring_code_stays_xuangao_in_software_text(source: str, expected: str) -> None:
    """Declaring code keeps 宣告 in software text, beside the statement rule's words too."""
    assert convert(TW, SOFTWARE, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("他回国后去派出所注销户口。", "他回國後去派出所註銷戶口。"),
        ("工人们在码头卸载货物。", "工人們在碼頭卸載貨物。"),
        ("由这两个前提可以导出结论。", "由這兩個前提可以導出結論。"),
        ("这批文物保存完好，古城墙保存至今。", "這批文物保存完好，古城牆保存至今。"),
        ("铁路部门加强列车调度，电力调度设施。", "鐵路部門加強列車調度，電力調度設施。"),
        ("他又犯了一个低级错误。", "他又犯了一個低級錯誤。"),
        ("这台显示器的刷新率是 144Hz。", "這台顯示器的更新率是 144Hz。"),
        ("这座城市的扩展分区规划已经公布。", "這座城市的擴展分區規劃已經公佈。"),
        ("这座大桥连接两岸，屏幕与机身的连接处很牢。", "這座大橋連接兩岸，螢幕與機身的連接處很牢。"),
        ("政府紧急调用物资支援灾区。", "政府緊急調用物資支援災區。"),
        ("退出状态代码为 %d，颜色代码无效。", "結束狀態代碼為 %d，顏色代碼無效。"),
    ],
)
@pytest.mark.parametrize("domain", [GENERAL, SOFTWARE])
def test_general_senses_of_the_it_table(domain: str, source: str, expected: str) -> None:
    """OpenCC's IT swaps where a neighbour says the general sense (s2twp: 登出戶口, 解除安裝貨物, 匯出結論, 儲存完好, 列車排程,
    低階錯誤, 重新整理率, 延伸分割區規劃, 狀態程式碼)."""
    assert convert(TW, domain, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("点击右上角注销账户。", "點選右上角登出帳戶。"),
        ("卸载软件后重启电脑。", "解除安裝軟體後重啟電腦。"),
        ("把表格导出为 CSV 文件。", "把表格匯出為 CSV 檔案。"),
        ("文件保存完整后再关闭。", "檔案儲存完整後再關閉。"),
        ("操作系统的进程调度算法。", "作業系統的程序排程演算法。"),
        ("页面的刷新频率不要太高。", "頁面的重新整理頻率不要太高。"),
        (
            "要记住，扩展分区也就是含有逻辑驱动器的主分区。",
            "要記住，延伸分割區也就是含有邏輯驅動器的主分割區。",
        ),
        ("请检查这段代码。", "請檢查這段程式碼。"),
        ("手机连接网络后，与代理的连接处于受限模式。", "手機連線網路後，與代理的連線處於受限模式。"),
        ("这里调用函数计算结果。", "這裡呼叫函式計算結果。"),
    ],
)
def test_the_it_senses_stay_where_the_text_says_them(source: str, expected: str) -> None:
    """Logging out, uninstalling, exporting, saving a file, scheduling, reloading a page, a disk's extended partition and
    source code keep s2twp's software words in software text."""
    assert convert(TW, SOFTWARE, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("并不发送 keep-alive 包，也没有 ICMP 包。", "並不傳送 keep-alive 封包，也沒有 ICMP 封包。"),
        ("您要用控制台完成第一阶段。", "您要用主控台完成第一階段。"),
        ("可以通过 F1 键访问这些帮助信息。", "可以透過 F1 鍵存取這些說明訊息。"),
        ("如果 BIOS 大硬盘访问拓展被启用。", "如果 BIOS 大硬碟存取拓展被啟用。"),
        ("如果您检测了多个安装介质，请换盘。", "如果您偵測了多個安裝介質，請換盤。"),
        ("自动支持检测和设置 boot loader。", "自動支援偵測和設定 boot loader。"),
        ("您必须首先将 inetd.conf 中相关的注释标记去掉。", "您必須首先將 inetd.conf 中相關的註解標記去掉。"),
        ("删除属性字段或此方法的注释，跳过所有的注释行。", "刪除屬性欄位或此方法的註解，跳過所有的註解行。"),
        ("您选中的安装映像应该被直接写入 U 盘。", "您選取的安裝映像應該被直接寫入隨身碟。"),
    ],
)
def test_heldout20_leftovers_in_software_text(source: str, expected: str) -> None:
    """A packet, a console used, access by a key or to a disk, detecting installation media, a comment's marker, the
    reader's selection (heldout20's sentences; the JDK's annotation, heldout12's)."""
    assert convert(TW, SOFTWARE, source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("TCP 包含三次握手。", "TCP 包含三次握手。"),
        ("通过控制台面板卸载程序。", "透過控制台面板解除安裝程式。"),
        ("医院新进了心脏检测装置。", "醫院新進了心臟檢測裝置。"),
        ("代表团访问了硬盘工厂。", "代表團訪問了硬碟工廠。"),
        ("请输入注释(可选项)。", "請輸入註釋(可選項)。"),
        ("如果译者的注释符合模式。", "如果譯者的註釋符合模式。"),
    ],
)
def test_the_software_words_stay_out_of_other_senses(source: str, expected: str) -> None:
    """包含 is no packet, Windows' Control Panel is 控制台, a cardiac monitor is a test (檢測), a visit is 訪問, a note
    typed into a form is 註釋 (and 符合 "to match" no comment symbol)."""
    assert convert(TW, SOFTWARE, source) == expected


@pytest.mark.parametrize("code", [TW, HK])
def test_only_and_a_volume_in_both_variants(code: str) -> None:
    """只 "only" before a verb no animal does after 这是 (這是隻會讓 before), 卷 a volume before 了 (捲了 before)."""
    assert convert(code, GENERAL, "这是只会让情况变糟的做法。") == "這是只會讓情況變糟的做法。"
    assert convert(code, SOFTWARE, "就可以按一般的方式来挂载这些卷了。").endswith("掛載這些卷了。")
    assert convert(code, GENERAL, "这是只会说话的鹦鹉。").startswith("這是隻會")
    assert convert(code, SOFTWARE, "这些卷了边的书。") == "這些捲了邊的書。"


#: This session's rules, by (variant key, word, domain).
NEW_RULES = {
    (TW, "文件", ""),
    (TW, "文件", "software"),
    (TW, "文件名称", ""),
    (TW, "红头文件", ""),
    (TW, "声明", "software"),
    *(
        (TW, w, "")
        for w in ("刷新率", "刷新频率", "扩展分区", "注销", "卸载", "导出", "保存", "调度", "代码")
    ),
    *((TW, w, "") for w in ("低级错误", "低级趣味", "连接", "调用")),
    *((TW, w, "software") for w in ("检测", "访问", "控制台", "包", "选中")),
    (TW, "注释", ""),
}


def test_the_new_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """Inside one of OpenCC's own phrases a new rule word gives what the layer wrote there before, but for the phrase
    s2twp swaps into a computer file (規範性檔案), which the rules are for."""
    assert_new_rules_keep_opencc_phrases(TW, NEW_RULES, on_purpose={"规范性文件"})
