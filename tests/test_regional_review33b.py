"""A Taiwan and Hong Kong editor's review of session 33's conv24 rules (session 33 — convreview2, issue 25).

Misfires found with realistic sentences where the rules' words stand in another sense, each mended in
hooks/zhudu/script/data/regional.yml by a guard or a narrower rule: files read as documents after 份, 上级, 申请 or a log's
name (部份文件, 复制一份文件, 申请文件读写权限, 日志文件中指出), code declared again, here or beforehand read as a statement
(再次声明同名变量, 在此声明的变量, 前置声明：), an animal that wrecks things (这是只会破坏家具的猫), curled towels, a disk's
partition tool, an app uninstalled (卸载货拉拉), data saved whole (保存完整的网页), a cluster's scheduler, network
tunnels, interfaces called, low-level error handling, a piece of state code, a doctor's tests, a book's annotation marks
and a person chosen.  Then the misses found beside them (证明文件上传, 诉讼文件, 本文件一式两份, 注销了户口, 144Hz 刷新频率).
Each test also holds the rule's own sentence, which it must keep.
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from zhudu.script.domain import GENERAL, SOFTWARE

DOMAINS = [GENERAL, SOFTWARE]

#: Computer files the 文件 rule read as documents (s2twp's 檔案 is right in each).
FILES = [
    ("部份文件在传输过程中损坏了，需要重新下载。", "部份檔案在傳輸過程中損壞了，需要重新下載。"),
    ("一部份文件打不开，提示格式错误。", "一部份檔案打不開，提示格式錯誤。"),
    ("修改之前最好先复制一份文件，以免改坏。", "修改之前最好先複製一份檔案，以免改壞。"),
    ("记得多备份一份文件到移动硬盘。", "記得多備份一份檔案到行動硬碟。"),
    ("我另存了一份文件，原来的没动。", "我另存了一份檔案，原來的沒動。"),
    ("他把合同拷贝了一份文件发到群里。", "他把合同複製了一份檔案發到群裡。"),
    ("返回上级文件目录，再打开 docs。", "返回上級檔案目錄，再開啟 docs。"),
    ("应用启动时需要申请文件读写权限。", "應用啟動時需要申請檔案讀寫權限。"),
    ("Android 10 以后申请文件访问权限的方式变了。", "Android 10 以後申請檔案存取權限的方式變了。"),
    ("中央文件库里保存了所有版本。", "中央檔案庫裡儲存了所有版本。"),
    ("编译器在日志文件中指出了出错的行号。", "編譯器在日誌檔案中指出了出錯的行號。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "expected"), FILES)
def test_a_file_beside_a_document_s_word_stays_dangan(domain: str, source: str, expected: str) -> None:
    """部份 and a copy end in 份, a parent folder's 上级, a permission requested, a log's 指出: files, 檔案."""
    assert convert(TW, domain, source) == expected
    assert (
        convert(TW, domain, "这份文件很重要；请传达联合国文件精神。")
        == "這份文件很重要；請傳達聯合國文件精神。"
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("我整理了机器学习文件，放在网盘里。", "我整理了機器學習檔案，放在網盤裡。"),
        ("这是深度学习文件，别删了。", "這是深度學習檔案，別刪了。"),
    ],
)
def test_machine_learning_files_are_dangan_in_general_text(source: str, expected: str) -> None:
    """Machine or deep learning's files are files; studying a document (学习十五大文件) stays 文件."""
    assert convert(TW, GENERAL, source) == expected
    assert convert(TW, GENERAL, "各地认真学习十五大文件。") == "各地認真學習十五大文件。"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "服务器会把配置下发到客户端，下发文件的速度取决于带宽。",
            "伺服器會把配置下發到客戶端，下發檔案的速度取決於頻寬。",
        ),
        ("管理员通过 MDM 下发文件到员工的手机。", "管理員透過 MDM 下發檔案到員工的手機。"),
    ],
)
def test_files_handed_down_in_software_text_are_dangan(source: str, expected: str) -> None:
    """A server or an MDM hands files down in software text; a superior's 下发文件 in general text is a document."""
    assert convert(TW, SOFTWARE, source) == expected
    assert convert(TW, GENERAL, "上级下发文件，要求各单位认真落实。") == "上級下發文件，要求各單位認真落實。"


#: Documents the 文件 rules left to s2twp's 檔案 (uploaded or downloaded, a court's, a visa's, a contract's 本文件).
DOCUMENTS = [
    ("请将证明文件上传至系统。", "請將證明文件上傳至系統。"),
    ("招标文件下载后请仔细阅读。", "招標文件下載後請仔細閱讀。"),
    ("安理会文件显示，决议草案未获通过。", "安理會文件顯示，決議草案未獲通過。"),
    ("律师准备了诉讼文件。", "律師準備了訴訟文件。"),
    ("签证文件准备齐全了吗？", "簽證文件準備齊全了嗎？"),
    ("本文件自签署之日起生效。", "本文件自簽署之日起生效。"),
    ("本文件一式两份，双方各执一份。", "本文件一式兩份，雙方各執一份。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "expected"), DOCUMENTS)
def test_documents_found_by_the_review_are_wenjian(domain: str, source: str, expected: str) -> None:
    """A document uploaded, a court's or a visa's, and a contract's 本文件; a generated README's 本文件 stays 本檔案."""
    assert convert(TW, domain, source) == expected
    assert convert(TW, domain, "本文件由 Sphinx 自动生成，请勿手动修改。").startswith("本檔案")


#: Code declared in software text that the 声明 rule read as a statement (conv22's 宣告 is right in each).
DECLARATIONS = [
    ("不能在同一作用域内再次声明同名变量。", "不能在同一作用域內再次宣告同名變數。"),
    ("用 let 再次声明已经存在的变量会报错。", "用 let 再次宣告已經存在的變數會報錯。"),
    ("再次声明这个函数时必须保持签名一致。", "再次宣告這個函式時必須保持簽名一致。"),
    ("TypeScript 允许再次声明同一个接口，它们会合并。", "TypeScript 允許再次宣告同一個介面，它們會合併。"),
    ("在此声明的变量只在块内有效。", "在此宣告的變數只在塊內有效。"),
    ("在此声明的函数可以在文件的任何地方调用。", "在此宣告的函式可以在檔案的任何地方呼叫。"),
    ("变量必须事先声明才能使用。", "變數必須事先宣告才能使用。"),
    ("Perl 的 strict 模式要求变量事先声明。", "Perl 的 strict 模式要求變數事先宣告。"),
    ("我们先声明一下变量，再给它赋值。", "我們先宣告一下變數，再給它賦值。"),
    ("在用之前要先声明一下这个函数。", "在用之前要先宣告一下這個函式。"),
    ("C 语言中变量的声明：int a;", "C 語言中變數的宣告：int a;"),
    ("前置声明：class Foo;", "前置宣告：class Foo;"),
    ("前向声明：struct node;", "前向宣告：struct node;"),
    ("结构体声明：struct point { int x; int y; };", "結構體宣告：struct point { int x; int y; };"),
    ("包声明：package main", "包宣告：package main"),
    ('导入声明：import "fmt"', '匯入宣告：import "fmt"'),
    ("DOCTYPE 声明：<!DOCTYPE html>", "DOCTYPE 宣告：<!DOCTYPE html>"),
]


#: An author's statement in software text, made again, beforehand or here: the guards leave it 聲明.
STATEMENTS = [
    ("再次声明：本站不提供任何破解软件。", "再次聲明：本站不提供任何破解軟體。"),
    ("再次声明，本站所有资源均来自网络。", "再次聲明，本站所有資源均來自網路。"),
    ("事先声明一下，我不是专业人士。", "事先聲明一下，我不是專業人士。"),
    ("笔者在此声明，文中观点仅代表个人。", "筆者在此聲明，文中觀點僅代表個人。"),
    ("特别声明的是，接口可以多重继承。", "特別聲明的是，介面可以多重繼承。"),
    ("作者声明本文仅代表个人立场；我声明一下。", "作者聲明本文僅代表個人立場；我聲明一下。"),
]


@pytest.mark.parametrize(("source", "expected"), DECLARATIONS)
def test_code_declared_again_here_or_beforehand_is_xuangao(source: str, expected: str) -> None:
    """Declaring code again, here, beforehand or "a bit", and a declaration's heading, stay 宣告 in software text;
    an author's statement beside the same words stays 聲明."""
    assert convert(TW, SOFTWARE, source) == expected
    for statement, kept in STATEMENTS:
        assert convert(TW, SOFTWARE, statement) == kept


@pytest.mark.parametrize("code", [TW, HK])
def test_an_animal_that_wrecks_things_is_zhi_the_classifier(code: str) -> None:
    """这是只会破坏家具的猫 is a cat (隻); 这是只会让情况变糟的做法 is "only" (只)."""
    furniture = "家具" if code == TW else "傢俱"  # Taiwan's 家具 since session 45 (test_regional_review45)
    assert convert(code, GENERAL, "这是只会破坏家具的猫。") == f"這是隻會破壞{furniture}的貓。"
    assert convert(code, GENERAL, "那是只会破坏庄稼的野猪。") == "那是隻會破壞莊稼的野豬。"
    assert convert(code, GENERAL, "这是只会让情况变糟的做法。") == "這是只會讓情況變糟的做法。"


@pytest.mark.parametrize("code", [TW, HK])
def test_curled_towels_and_involution_are_juan_rolled(code: str) -> None:
    """卷了 before a curl's or a span's word is rolled (捲); a storage volume 卷了 stays 卷."""
    assert convert(code, SOFTWARE, "那些卷了三年的同事都跳槽了。") == "那些捲了三年的同事都跳槽了。"
    assert convert(code, SOFTWARE, "这些卷了毛的毛巾该扔了。") == "這些捲了毛的毛巾該扔了。"
    assert convert(code, SOFTWARE, "就可以按一般的方式来挂载这些卷了。").endswith("掛載這些卷了。")


#: General-prose senses that conv24's IT-table rules took from a program's sense (s2twp was right in each).
PROGRAM_SENSES = [
    ("在扩展分区管理工具里新建逻辑分区。", "在延伸分割區管理工具裡新建邏輯分割區。"),
    ("卸载货拉拉以后就没再收到推送了。", "解除安裝貨拉拉以後就沒再收到推送了。"),
    ("卸载货币转换插件后浏览器快多了。", "解除安裝貨幣轉換外掛後瀏覽器快多了。"),
    ("如何保存完整的网页？", "如何儲存完整的網頁？"),
    ("保存完整路径到环境变量里。", "儲存完整路徑到環境變數裡。"),
    ("保存完整的聊天记录需要开通会员。", "儲存完整的聊天記錄需要開通會員。"),
    ("把古籍保存为 PDF 格式。", "把古籍儲存為 PDF 格式。"),
    ("游戏进度保存完整后再退出。", "遊戲進度儲存完整後再退出。"),
    ("通过 SSH 隧道连接远程服务器。", "透過 SSH 隧道連線遠端伺服器。"),
    ("用 VPN 隧道连接公司内网。", "用 VPN 隧道連線公司內網。"),
    ("建立隧道连接之后就能访问了。", "建立隧道連線之後就能訪問了。"),
    ("本地连接线上数据库要开白名单。", "本地連線線上資料庫要開白名單。"),
    ("连接点对点网络需要打洞。", "連線點對點網路需要打洞。"),
    ("调用资金账户接口需要签名。", "呼叫資金帳戶介面需要簽名。"),
    ("前端调用车辆识别接口获取车牌号。", "前端呼叫車輛識別介面取得車牌號。"),
    ("调用专家系统进行推理。", "呼叫專家系統進行推理。"),
    ("调用人力资源模块的接口。", "呼叫人力資源模組的介面。"),
    ("内核的低级错误处理函数会直接重启。", "核心的低階錯誤處理函式會直接重啟。"),
    ("这段状态代码写得很乱，需要重构。", "這段狀態程式碼寫得很亂，需要重構。"),
    ("书中的注释符号用小圆圈表示。", "書中的註釋符號用小圓圈表示。"),
    ("古籍的注释标记需要统一。", "古籍的註釋標記需要統一。"),
    ("这本书的注释行文很优美。", "這本書的註釋行文很優美。"),
]


#: Each guarded rule's own sense, which the guards keep (文物保存完好, 保存完整的五代窯, 海底隧道連接, 調用資金, 低級錯誤 …).
KEPT_SENSES = [
    ("这座城市的扩展分区规划已经公布。", "這座城市的擴展分區規劃已經公佈。"),
    ("工人们在码头卸载货物。", "工人們在碼頭卸載貨物。"),
    ("这批文物保存完好，其中一条保存完整的五代窑。", "這批文物保存完好，其中一條保存完整的五代窯。"),
    ("海底隧道连接香港和九龙。", "海底隧道連接香港和九龍。"),
    ("政府紧急调用物资支援灾区，又调用资金修路。", "政府緊急調用物資支援災區，又調用資金修路。"),
    ("他又犯了一个低级错误。", "他又犯了一個低級錯誤。"),
    ("HTTP 状态代码 200 表示成功。", "HTTP 狀態代碼 200 表示成功。"),
    ("您必须首先将相关的注释标记去掉。", "您必須首先將相關的註解標記去掉。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "expected"), PROGRAM_SENSES)
def test_a_program_s_or_a_book_s_sense_keeps_its_word(domain: str, source: str, expected: str) -> None:
    """A partition tool, an app uninstalled, data saved, a tunnel, an interface called, a book's annotation marks;
    the rules' own senses are kept beside them."""
    assert convert(TW, domain, source) == expected
    for kept_source, kept in KEPT_SENSES:
        assert convert(TW, domain, kept_source) == kept


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Kubernetes 负责统一调度集群中的容器。", "Kubernetes 負責統一排程叢集中的容器。"),
        ("由调度器统一调度所有任务。", "由排程器統一排程所有任務。"),
        ("质检员检测硬件的可靠性。", "質檢員檢測硬體的可靠性。"),
        ("医生检测了多个指标，都正常。", "醫生檢測了多個指標，都正常。"),
        ("你选中的那个方案最好。", "你選中的那個方案最好。"),
        ("你选中的人一定是最合适的。", "你選中的人一定是最合適的。"),
    ],
)
def test_software_text_keeps_a_scheduler_a_test_and_a_choice(source: str, expected: str) -> None:
    """A cluster's 统一调度 is 排程, an inspector's or a doctor's 检测 檢測, a person or a plan chosen 選中."""
    assert convert(TW, SOFTWARE, source) == expected
    assert convert(TW, SOFTWARE, "电力调度中心统一调度全省电网。") == "電力調度中心統一調度全省電網。"
    assert convert(TW, SOFTWARE, "安装程序会自动检测硬件。") == "安裝程式會自動偵測硬體。"
    assert convert(TW, SOFTWARE, "您选中的文件会被删除。") == "您選取的檔案會被刪除。"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("他回国后注销了户口，又注销了营业执照。", "他回國後註銷了戶口，又註銷了營業執照。"),
        ("去银行注销信用卡。", "去銀行註銷信用卡。"),
        ("这台 144Hz 刷新频率的显示器很便宜。", "這台 144Hz 更新頻率的顯示器很便宜。"),
        ("中国工商银行积极筹措、调度资金。", "中國工商銀行積極籌措、調度資金。"),
    ],
)
def test_misses_found_beside_the_misfires(domain: str, source: str, expected: str) -> None:
    """Cancelling a registration with 了 or a card (註銷), a refresh rate in hertz, dispatching funds (調度資金)."""
    assert convert(TW, domain, source) == expected
