"""OpenCC's software senses in general text, word by word (session 35 — conv31, issue 25).

s2twp's IT table writes 消息 as 訊息, 支持 as 支援, 设备 as 裝置, 设置 as 設定, 循环 as 迴圈, 查看 as 檢視, 绑定 as 繫結 and
发送 as 傳送 wherever they stand.  The ``# Session 35 — conv31`` rules of hooks/zhudu/script/data/regional.yml keep the
everyday sense where a neighbour says which; the software neighbours of each word keep the software sense, in general
and in software text.  s2hkp keeps the everyday senses in general text: Hong Kong needs none of these rules.
"""

from __future__ import annotations

import html

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from conftest import build_site
from heldout_shape import layer_alone, layer_without, opencc_phrases_with
from zhudu.script.domain import GENERAL, SOFTWARE
from zhudu.script.regional import default_regional

DOMAINS = [GENERAL, SOFTWARE]

#: (source, Taiwan): the everyday sense, the same in general and in software text.
EVERYDAY = [
    ("得知消息后，她立刻赶回老家。", "得知消息後，她立刻趕回老家。"),
    ("他至今没有消息。", "他至今沒有消息。"),
    ("有消息说他已经辞职了。", "有消息說他已經辭職了。"),
    ("消息一出，股价大跌。", "消息一出，股價大跌。"),
    ("消息传开了，确切消息还没来。", "消息傳開了，確切消息還沒來。"),
    ("听说这个消息，大家都笑了。", "聽說這個消息，大家都笑了。"),
    ("他去世的消息让人难过。", "他去世的消息讓人難過。"),
    ("国家支持新能源产业。", "國家支持新能源產業。"),
    ("父母支持我学音乐，我会一直支持你。", "父母支持我學音樂，我會一直支持你。"),
    ("很多人支持这个观点，她投了支持票。", "很多人支持這個觀點，她投了支持票。"),
    ("急救设备放在门口，工厂设备老化。", "急救設備放在門口，工廠設備老化。"),
    ("露营设备和登山设备都很齐全。", "露營設備和登山設備都很齊全。"),
    ("沿路设置护栏，为困难学生设置奖学金。", "沿路設置護欄，為困難學生設置獎學金。"),
    ("警方设置了重重障碍。", "警方設置了重重障礙。"),
    ("四季循环，大气循环影响气候。", "四季循環，大氣循環影響氣候。"),
    ("塑料可以循环回收。", "塑膠可以循環回收。"),
    ("医生查看伤势，她起身查看门窗。", "醫生查看傷勢，她起身查看門窗。"),
    ("请绑定手机号，再绑定银行卡。", "請綁定手機號，再綁定銀行卡。"),
    ("志愿者在街头发送传单。", "志願者在街頭發送傳單。"),
    ("向灾区发送救灾物资。", "向災區發送救災物資。"),
    ("此话一出，全场哗然。", "此話一出，全場譁然。"),
]

#: (source, Taiwan): the software sense, kept beside the words the rules look for.
SOFTWARE_SENSES = [
    ("你收到一条新消息。", "你收到一條新訊息。"),
    ("队列中没有消息时线程会阻塞。", "佇列中沒有訊息時執行緒會阻塞。"),
    ("可靠消息投递需要确认。", "可靠訊息投遞需要確認。"),
    ("知道这个消息的格式就能解析。", "知道這個訊息的格式就能解析。"),
    ("没有消息说明文档。", "沒有訊息說明文件。"),
    ("这个版本支持中文。", "這個版本支援中文。"),
    ("本软件支持你自定义主题。", "本軟體支援你自訂主題。"),
    ("输入设备无法识别。", "輸入裝置無法識別。"),
    ("实验室设备驱动需要更新。", "實驗室裝置驅動需要更新。"),
    ("你可以在设置中修改语言。", "你可以在設定中修改語言。"),
    ("设置环境变量。", "設定環境變數。"),
    ("死循环周期性地出现。", "死迴圈週期性地出現。"),
    ("在浏览器中查看日志。", "在瀏覽器中檢視日誌。"),
    ("数据绑定和双向绑定。", "資料繫結和雙向繫結。"),
    ("发送请求，向进程发送信号。", "傳送請求，向程序傳送訊號。"),
    ("这是一出好戏。", "這是一齣好戲。"),
]

#: (source, Taiwan): session 35 rev31's misfires, a second editor's sentences that tempted the rules (a neighbour of
#: the everyday sense, the software sense meant); the guards keep the software sense, in general and software text.
MISFIRES = [
    ("如果队列里还没有消息，消费者就阻塞等待。", "如果佇列裡還沒有訊息，消費者就阻塞等待。"),
    ("消息一经发送便无法撤回。", "訊息一經發送便無法撤回。"),
    ("收到的消息一经解析就丢弃。", "收到的訊息一經解析就丟棄。"),
    ("本文介绍基于可靠消息的最终一致性方案。", "本文介紹基於可靠訊息的最終一致性方案。"),
    ("客户端接到消息后调用回调函数。", "客戶端接到訊息後呼叫回呼函式。"),
    ("系统至今没有消息积压。", "系統至今沒有訊息積壓。"),
    ("新版本带来了消息的持久化功能。", "新版本帶來了訊息的持久化功能。"),
    ("聊天记录里所有消息说的都是工作。", "聊天記錄裡所有訊息說的都是工作。"),
    ("下个版本我会支持 Windows。", "下個版本我會支援 Windows。"),
    ("我们会一直支持 Python 3.8 到明年。", "我們會一直支援 Python 3.8 到明年。"),
    ("这个主题会一直支持暗色模式。", "這個主題會一直支援暗色模式。"),
    ("下个版本我会支持表格和脚注。", "下個版本我會支援表格和腳註。"),
    ("这个国家支持 5G 漫游吗？", "這個國家支援 5G 漫遊嗎？"),
    ("将模型和张量移到训练设备上。", "將模型和張量移到訓練裝置上。"),
    ("训练设备的显存不够。", "訓練裝置的視訊記憶體不夠。"),
    ("在中控屏上设置座椅加热。", "在中控屏上設定座椅加熱。"),
    ("设置座椅的高度和角度。", "設定座椅的高度和角度。"),
    ("管理员可以在后台设置座位数量。", "管理員可以在後臺設定座位數量。"),
    ("在后台设置奖项名称和数量。", "在後臺設定獎項名稱和數量。"),
    ("在邮箱里设置垃圾桶自动清空。", "在信箱裡設定垃圾桶自動清空。"),
    ("我们为测试设置了专门的环境变量。", "我們為測試設定了專門的環境變數。"),
    ("这个循环周期性地轮询队列。", "這個迴圈週期性地輪詢佇列。"),
    ("该循环周期性检查连接。", "該迴圈週期性檢查連線。"),
    ("渲染循环周期约为 16 毫秒。", "渲染迴圈週期約為 16 毫秒。"),
    ("每次循环回收一个对象。", "每次迴圈回收一個物件。"),
]

#: (source, Taiwan): the everyday sense beside the guards (narrowed contexts that still fire).
EVERYDAY_BESIDE_THE_GUARDS = [
    ("据可靠消息，该公司将于下月上市。", "據可靠消息，該公司將於下月上市。"),
    ("消息一经曝光，舆论哗然。", "消息一經曝光，輿論譁然。"),
    ("我会一直支持你们。", "我會一直支持你們。"),
    ("在公园里设置座椅。", "在公園裡設置座椅。"),
    ("昼夜循环周期性地变化。", "晝夜循環週期性地變化。"),
]

#: (source, Taiwan and Hong Kong): 一出 before a comma or 就 that is a play's or an act's classifier (一齣), and 周一出
#: (Monday, OpenCC's 週一): the zh-Hant rule's guards.
PLAYS = [
    ("你这唱的是哪一出，我怎么看不懂？", "你這唱的是哪一齣，我怎麼看不懂？"),
    ("今晚只唱一出，明天再唱。", "今晚只唱一齣，明天再唱。"),
    ("他们闹了一出，又和好了。", "他們鬧了一齣，又和好了。"),
    ("看一出就够了。", "看一齣就夠了。"),
    ("周一出，周三回。", "週一出，週三回。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "taiwan"), MISFIRES + EVERYDAY_BESIDE_THE_GUARDS)
def test_taiwan_guards(domain: str, source: str, taiwan: str) -> None:
    """The software sense where a neighbour of the everyday sense stands beside it; the everyday sense kept."""
    assert convert(TW, domain, source) == taiwan


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("code", [TW, HK])
@pytest.mark.parametrize(("source", "expected"), PLAYS)
def test_a_play_is_yichu_in_both_variants(code: str, domain: str, source: str, expected: str) -> None:
    """一齣 for a play or an act (哪一出, 唱一出, 闹了一出, 看一出), 週一 for Monday."""
    assert convert(code, domain, source) == expected


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "taiwan"), EVERYDAY + SOFTWARE_SENSES)
def test_taiwan(domain: str, source: str, taiwan: str) -> None:
    """The everyday sense where a neighbour says it, the software sense elsewhere."""
    assert convert(TW, domain, source) == taiwan


@pytest.mark.parametrize(("source", "taiwan"), EVERYDAY)
def test_hong_kong_general_text_keeps_the_everyday_senses(source: str, taiwan: str) -> None:
    """s2hkp has no IT table: the eight words keep their everyday forms in Hong Kong's general text."""
    out = convert(HK, GENERAL, source)
    for word in ("訊息", "支援", "裝置", "設定", "迴圈", "檢視", "繫結", "傳送", "一齣"):
        assert word not in out, (source, out)


#: A general note (a diary) with one everyday sense of each word.
DIARY = "得知消息后，她立刻赶回老家。父母支持我学音乐。急救设备放在门口。四季循环。医生查看伤势。\n"


def test_a_general_note_reads_the_everyday_words_in_taiwan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = build_site(tmp_path, notes={"a.md": f"---\ntitle: 回家\ndate: 2024-01-02\n---\n\n{DIARY}"})
    assert result.ok, result.log
    page = html.unescape(result.page("zh-Hant-TW/notes/a/index.html"))
    assert "得知消息後" in page and "父母支持我學音樂" in page and "急救設備" in page
    assert "四季循環" in page and "醫生查看傷勢" in page
    hk = html.unescape(result.page("zh-Hant-HK/notes/a/index.html"))
    assert "得知消息後" in hk and "父母支持我學音樂" in hk and "急救設備" in hk


#: The session's rules, by (variant key, word, example).
NEW_RULES = {
    ("zh-Hant", "一出", "消息一出，股价大跌；此话一出，全场哗然。"),
    ("zh-Hant-TW", "消息", "得知消息后她立刻赶回老家，他至今没有消息；确切消息还没来，消息就已经传开了。"),
    ("zh-Hant-TW", "有消息", "有消息说他已经辞职了。"),
    ("zh-Hant-TW", "消息一出", "消息一出，股价大跌。"),
    ("zh-Hant-TW", "支持", "国家支持新能源产业；父母支持我学音乐，我会一直支持你，她投了支持票。"),
    ("zh-Hant-TW", "设备", "急救设备放在门口，工厂设备老化，露营设备都很齐全。"),
    ("zh-Hant-TW", "设置", "沿路设置护栏，为困难学生设置奖学金，在景区设置吸烟区。"),
    ("zh-Hant-TW", "循环", "四季循环，周而复始；大气循环影响气候，塑料可以循环回收。"),
    ("zh-Hant-TW", "查看", "医生查看伤势，她起身查看门窗，村干部查看灾情。"),
    ("zh-Hant-TW", "绑定", "请绑定手机号，再绑定银行卡。"),
    ("zh-Hant-TW", "发送", "志愿者在街头发送传单，向灾区发送救灾物资，船只发送求救信号。"),
}


def test_the_new_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """Inside one of OpenCC's own phrases (消息灵通, 循环小数 …) a word of these rules converts as it did before them."""
    rules = default_regional().rules
    new = [r for r in rules if (r.code, r.word, r.example) in NEW_RULES]
    assert len(new) == len(NEW_RULES)
    phrases = opencc_phrases_with({r.word for r in new})
    assert phrases
    for code in (TW, HK):
        for domain in DOMAINS:
            layer, before = layer_alone(code, domain), layer_without(code, rules, new, domain)
            assert {k for k in phrases if layer(k) != before(k)} == set()
