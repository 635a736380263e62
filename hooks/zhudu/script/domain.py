"""A text's domain, decided from the text itself: software text or not.

Some words have a software sense and an everyday one that the neighbouring words do not decide (命令 a
command or an order, 程序 a program or a procedure, 对象 an object or a partner, 支持 support or
backing).  The document decides: a note with code, commands and API words is software text, where a
Taiwan reader expects 指令 and a Hong Kong reader 程式; news or a travel note keeps 命令 and 程序.  The
regional layer's rules marked ``domain: software`` (``data/regional.yml``) apply only to text this
module calls software.

Decided once per document from its own text, so it is deterministic and changes only when the text does:
a code block, or software words and Latin identifiers dense enough (per 1,000 Han characters) that
everyday prose does not reach them (news and shoppers' reviews score 0-8, software books and catalogues
30 and more: ``bench/bench_conversion.py --domains``).  Words as common in everyday writing (版本, 提交, 點選,
下載, 應用程式) count only beside other software evidence, so a fitness diary or a tax office's notice about its
app is general text (session 54, ``tests/domain_review.yml``).  Writing about models and their training counts as
software text: a prompt guide scores 34, a practitioner's notes 30 and more, the shipped notes on the AI
economy 4-13.
"""

from __future__ import annotations

import re

__all__ = ["GENERAL", "SOFTWARE", "own_domain", "software_cues", "software_score", "text_domain"]

SOFTWARE = "software"
GENERAL = ""

#: Words of software text (written in Simplified; a Traditional note's are its own words).
_WORDS = [
    "代码",
    "源码",
    "函数",
    "变量",
    "参数",
    "命令行",
    "命令",
    "脚本",
    "编译",
    "调试",
    "程序",
    "软件包",
    "安装",
    "配置文件",
    "目录",
    "文件名",
    "文件夹",
    "终端",
    "内核",
    "进程",
    "线程",
    "字符串",
    "数据库",
    "服务器",
    "客户端",
    "接口",
    "模块",
    "插件",
    "浏览器",
    "用户名",
    "密码",
    "选项",
    "默认",
    "版本",
    "编辑器",
    "操作系统",
    "内存",
    "硬盘",
    "分区",
    "网络",
    "协议",
    "端口",
    "日志",
    "缓存",
    "数组",
    "对象",
    "类型",
    "方法",
    "属性",
    "语法",
    "语句",
    "循环",
    "返回",
    "调用",
    "运行",
    "执行",
    "设置",
    "点击",
    "菜单",
    "窗口",
    "按钮",
    "链接",
    "下载",
    "上传",
    "仓库",
    "提交",
    "分支",
    "部署",
    "主题",
    "标签",
    "页面",
    "格式",
    "字符",
    "编码",
    # Session 54 (review VD2): a developer's prose without code, where git's own words (提交, 分支, 仓库) are everyday
    # words too: the compounds only software text writes.
    "远程仓库",
    "合并请求",
    "主分支",
    "暂存区",
    "虚拟环境",
    "正则表达式",
    "字段",
    # Writing about machine learning and language models (issue 25, session 52: a prompt guide, a practitioner's notes):
    # its text is a model's input and output (文本 is 文字 in Taiwan, as in software text).  Words of the trade, not of
    # the news about it: AI, 算力, GPU and 大模型 alone fill commentary on the AI economy, which stays general text
    # (循环 a cycle, not a loop).
    "模型",
    "训练",
    "微调",
    "神经网络",
    "数据集",
    "提示词",
    "机器学习",
    "深度学习",
    "张量",
    "ChatGPT",
    "LLM",
]
#: The same words as a note written in Traditional has them: OpenCC's s2t, s2tw, s2hk, s2twp and s2hkp of ``_WORDS``
#: (代碼, 變數, 伺服器, 資料庫), and Taiwan's and Hong Kong's software words those leave out (指令, 套件, 回傳).
#: Read from the Simplified list alone, a Taiwan-written software document scored a quarter of its Simplified
#: original's (the held-out sets' labels: 87 software documents, 74 read as general text; session 53).  Left out: the
#: words a Taiwan writer uses as often in everyday text (review VB: 物件 a house for sale, 檔案 an archive, 建置 setting
#: up a service, 設定 an oven's setting, 載入 a record, 埠 a port town), and 核心 (a core); 程式 counts but in 方程式 (an
#: equation) and 程式化 (formulaic).
_WORDS_HANT = (  # noqa: SIM905  (a word list reads better as one string)
    "上傳 下載 主題 介面 代碼 伺服器 作業系統 使用者名稱 倉庫 內存 內核 函式 函數 "
    "分割槽 分區 協議 原始碼 參數 呼叫 命令列 型別 執行 執行緒 外掛 字串 字元 安裝 "
    "客戶端 密碼 對象 屬性 引數 張量 循環 微調 快取 指令碼 按鈕 提示詞 操作系統 數據庫 "
    "數據集 數組 文件夾 日誌 服務器 標籤 模塊 模組 機器學習 檔名 深度學習 源碼 瀏覽器 "
    "用戶名 目錄 硬盤 硬碟 神經網絡 神經網路 終端 網絡 網路 線程 編碼 編譯 編輯器 緩存 "
    "腳本 菜單 視窗 訓練 記憶體 設置 語句 語法 調用 調試 變數 變量 資料夾 資料庫 "
    "資料集 軟件包 軟體包 迴圈 連結 進程 運行 選單 選項 配置檔案 鏈接 陣列 除錯 頁面 "
    "預設 類型 默認 點擊 點選 指令 套件 回傳 應用程式 命令 部署 佈署 提交 分支 版本 "
    "格式 方法 返回 遠程倉庫 遠端倉庫 合併請求 主分支 暫存區 虛擬環境 正則表達式 正規表示式 欄位"
).split()
#: A stock's, a fund's or a company's 代码 (股票代码, 基金代码, 统一社会信用代码: a finance note's) is no program's
#: code, and Taiwan's 網際網路 (the internet, 互联网 in Simplified, which counts nothing) is no 網路 (an AI-economy
#: essay's Taiwan label read 17.4, its original 7.5).
_WORD_RE = re.compile(
    "(?<!方)程式(?!化)|(?<!股票|信用|证券|證券|基金|邮政|郵政)代[码碼]|(?<!網際)網路|"
    + "|".join(
        sorted(map(re.escape, {*_WORDS, *_WORDS_HANT} - {"代码", "代碼", "網路"}), key=len, reverse=True)
    )
)
#: A Latin identifier, a path or an option: letters with a digit, _, /, . or - inside, or a word in backticks.  An
#: identifier is tried from the start of its run of letters and digits only, and a run is read once: tried from
#: each letter, a long run with no _, /, . or - after it was read again from each (40 KB of letters: 14 s).
_CODE_RE = re.compile(
    r"`[^`\n]+`|(?<![A-Za-z0-9])[0-9]*+[A-Za-z][A-Za-z0-9]*+[_/.\-][A-Za-z0-9_/.\-]+|--?[a-z][a-z\-]+|\b[a-z]+\(\d\)"
)
#: A code block: fenced, HTML, or another tool's (Hexo / Jekyll ``{% codeblock %}``, Hugo ``{{< highlight >}}``).
_FENCE_RE = re.compile(
    r"^\s*(```|~~~)|<pre[\s>]|\{%-?\s*(?:codeblock|highlight|code)\b|\{\{<\s*highlight\b", re.MULTILINE
)
#: A fenced block naming a language of code (```bash, ```python): not ```text, a poem's or a quotation's fence.
_CODE_FENCE_RE = re.compile(
    r"^\s*(?:```|~~~)\s*\{?\.?(?!(?i:text|txt|plain|plaintext|markdown|md|quote|poem|lyrics|verse)\b)[A-Za-z][\w+#.-]*"
    r"|\{%-?\s*codeblock\b[^%\n]*\blang:\w|\{%-?\s*highlight\s+\w",
    re.MULTILINE,
)
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: What every note has, whatever it is about: a link's or an image's target, a URL, an embed, a
#: Hexo / Jekyll tag, an HTML tag.  Their paths and names (``images/xihu.jpg``, ``asset_img``) are
#: not code the note talks about, so they are not counted: a travel note with a photo is not
#: software text.
#: Each part stops at the next opener of its kind (and at 500 characters), so a line of openers nothing
#: closes is read in one pass, not once from each opener to the line's end.
_MARKUP_RE = re.compile(
    r"\]\([^()\[\]\n]{0,500}\)|\]:[ \t]*\S+[^\n]*|<?https?://[^\s<>)）]+>?|!?\[\[[^\[\]\n]{0,500}\]\]"
    r"|\{%[^{}%\n]{0,500}%\}|\{\{[^{}\n]{0,500}\}\}|</?[A-Za-z][^<>\n]{0,500}>"
)
#: Words as common in everyday text as in software text (issue 25, session 54): a recipe's 版本, a fitness app's 标签, a
#: tax return's 提交 and 下载, a ticket 窗口, a procedure's 程序, an order's 命令.  A note of everyday writing about
#: apps, forms and websites is full of them (a Taiwan fitness note 54 per 1,000, a WeChat guide for parents 55) and of
#: nothing else.  They count only beside two other kinds of software evidence (two different software words, or one
#: and a code token, or two code tokens): then they are what software text says of its menus and versions.
_EVERYDAY = frozenset(
    (  # noqa: SIM905  (a word list reads better as one string)
        "方法 版本 格式 执行 设置 页面 标签 下载 上传 主题 类型 网络 提交 点击 链接 密码 安装 按钮 菜单 选项 默认 运行 "
        "程序 命令 窗口 目录 返回 对象 循环 协议 属性 日志 浏览器 用户名 文件夹 字符 编码 部署 仓库 分支 内存 硬盘 "
        "分区 进程 调用 "
        "執行 設置 頁面 標籤 下載 上傳 主題 類型 網絡 網路 點擊 點選 連結 鏈接 密碼 安裝 按鈕 菜單 選單 選項 預設 默認 "
        "運行 目錄 對象 循環 協議 屬性 日誌 瀏覽器 用戶名 使用者名稱 文件夾 資料夾 字元 編碼 佈署 倉庫 內存 記憶體 "
        "硬盤 硬碟 分區 應用程式 進程 調用 "
        # Session 54 (review VD2): a maths lesson's 语句, an ambulance's 呼叫, a chat app's 外掛 and 回傳, a tax office's
        # 自助终端 and 客户端, a phone's 缓存, a course's 模块, a lab's 调试, a byline's 編譯, a form's 欄位.
        "语句 語句 呼叫 回傳 外掛 终端 終端 客户端 客戶端 缓存 緩存 接口 模块 模塊 模組 调试 調試 編譯 欄位"
    ).split()
)
#: The words of the models' trade (模型 and 训练 fill the news about AI as much as a practitioner's notes): one each.
_TRADE = frozenset(
    (  # noqa: SIM905
        "模型 训练 微调 神经网络 数据集 提示词 机器学习 深度学习 张量 ChatGPT LLM "
        "訓練 微調 神經網絡 神經網路 數據集 資料集 提示詞 機器學習 深度學習 張量"
    ).split()
)
#: One word of the trade alone is a workout's 训练 (review VS, session 54: a workout log's 训练 ×6 scored 30), a
#: collector's 模型 (a train model, review VD2) or the news's ChatGPT: the trade's words count where a note has two of
#: them (训练模型, 模型微调), else they are everyday words.
TRADE_KINDS = 2
#: Latin words of everyday text that look like identifiers (a hyphen, a slash, a digit): not code.
_EVERYDAY_LATIN = re.compile(
    r"(?i)wi-fi|e-mail|ios/android|android/ios|covid-19|t-shirt|e-channel|k-pop|type-c|usb-c"
)
#: What a software word weighs; a code token, a word of the trade and an everyday word beside them weigh one (code
#: doubled read a note's hashtags, `#AI泡沫`, as program code twice over).
SOFTWARE_WEIGHT = 2
#: Score (weighted software evidence per 1,000 Han characters) from which text is software: ten software words per
#: 1,000, twenty code tokens, or fewer with everyday words beside them (session 54: every word alike read 22 of the
#: review set's 26 everyday notes as software, `tests/domain_review.yml`).
THRESHOLD = 20.0
#: A short note is scored as if it had this many Han characters: one software word in a
#: two-line note is not a software note.
SHORTEST = 200


def _evidence(text: str) -> tuple[int, int, int, int, int]:
    """Software words, words of the models' trade, everyday words, kinds of software word and code tokens."""
    prose = _MARKUP_RE.sub(" ", text)
    words = _WORD_RE.findall(prose)
    software = [w for w in words if w not in _EVERYDAY and w not in _TRADE]
    trade_words = [w for w in words if w in _TRADE]
    trade = len(trade_words) if len(set(trade_words)) >= TRADE_KINDS else 0
    everyday = len(words) - len(software) - trade
    code = sum(not _EVERYDAY_LATIN.fullmatch(token) for token in _CODE_RE.findall(prose))
    return len(software), trade, everyday, len(set(software)), code


def software_cues(text: str) -> int:
    """Every software, trade and everyday word and code token in ``text``, unweighted and everyday words unconditioned.

    The bench's sentence mode (``bench_conversion.sentence_domain``) counts a sentence's cues so; no build does.
    """
    software, trade, everyday, _, code = _evidence(text)
    return software + trade + everyday + code


def software_score(text: str) -> float:
    """Weighted software evidence per 1,000 Han characters of ``text`` (at least ``SHORTEST``).

    Software words weigh ``SOFTWARE_WEIGHT``; code tokens and the models' trade's words one each; everyday words one
    each and only where the text has two kinds of other evidence (two different software words, one and a code
    token, two code tokens).
    """
    han = len(_HAN_RE.findall(text))
    if not han:
        return 0.0
    software, trade, everyday, kinds, code = _evidence(text)
    beside = everyday if kinds + min(code, 2) >= 2 else 0
    return 1000 * (SOFTWARE_WEIGHT * software + code + trade + beside) / max(han, SHORTEST)


def text_domain(text: str) -> str:
    """``SOFTWARE`` for software text (a code block, or a score of ``THRESHOLD`` or more), else ``GENERAL``."""
    if _FENCE_RE.search(text):
        return SOFTWARE
    return SOFTWARE if software_score(text) >= THRESHOLD else GENERAL


#: A share of ``THRESHOLD`` under which a note long enough (``SURELY_GENERAL_HAN``) is surely general text, and from
#: which a note with a code block is surely software text (``own_domain``).
SURELY_GENERAL = THRESHOLD / 2
#: How many Han characters a note needs for its own page to be general text against a software site: under it, a
#: software project's prose with no software word (its history, a licence, a course proposal) is as often software text
#: (session 55, every labelled set's documents of 200 Han and more read as general: from 200, 54 software documents of
#: 253, 15,507 Han; from 400, 5 of 141, 2,168 Han, the general ones 94 % of the text they were).
SURELY_GENERAL_HAN = 400


def own_domain(text: str) -> str | None:
    """The domain a note's own page converts in, where the site's pages convert in both (``conversion_domain.of_page``).

    ``SOFTWARE`` for a score of ``THRESHOLD`` or more, a block of a language of code (```bash), or another fenced block
    beside ``SURELY_GENERAL`` (a bare or ```text fence is a diary's poem as often: the site's count, ``text_domain``,
    takes it, one page does not); ``GENERAL`` for text of
    ``SURELY_GENERAL_HAN`` Han characters or more scoring under ``SURELY_GENERAL`` and no code block (everyday prose
    scores 0-8); else None, too little to tell: the site's domain, which its other notes decide (a section's two-line
    introduction to a software collection is about software).
    """
    score, fenced = software_score(text), _FENCE_RE.search(text) is not None
    if score >= THRESHOLD or _CODE_FENCE_RE.search(text) or (fenced and score >= SURELY_GENERAL):
        return SOFTWARE
    long_enough = len(_HAN_RE.findall(text)) >= SURELY_GENERAL_HAN
    return GENERAL if long_enough and score < SURELY_GENERAL and not fenced else None
