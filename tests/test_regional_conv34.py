"""What the session's rule batches still got wrong, fixed as rules and guards (session 35 — conv34, issue 25).

The ``# Session 35 — conv34`` rules of hooks/zhudu/script/data/regional.yml (dry after an adverb or half-way, working at
a mine or a well, a thorn's prick, 头发 read across X头 + 发, 有消息说明天) and its ``Session 35 — conv34:`` guard edits
(周一出发, 消息一出队, 系在 a bank, 设置了 a thing set up, a lab's equipment list, 酒店式公寓, news in the media, and
Hong Kong's software 消息 / 支持 rules keeping news and backing).  Each fix has its sentences and, beside them, the
sentences that tempt it: the other sense kept.
"""

from __future__ import annotations

import html

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from conftest import build_site
from heldout_shape import assert_new_rules_keep_opencc_phrases_in_both_variants
from zhudu.script.domain import GENERAL, SOFTWARE

DOMAINS = [GENERAL, SOFTWARE]

#: (source, Taiwan, Hong Kong), the same in general and in software text: each fix, then the sentences tempting it.
BOTH = [
    # Dry (乾) after an adverb or half-way; work (幹) after washing, painting, selling.
    ("衣服干了一半，还得再晾一会儿。", "衣服乾了一半，還得再晾一會兒。", "衣服乾了一半，還得再晾一會兒。"),
    ("天太旱了，河水也干了。", "天太旱了，河水也乾了。", "天太旱了，河水也乾了。"),
    ("井里的水早就干了。", "井裡的水早就乾了。", "井裏的水早就乾了。"),
    ("油漆都干了，可以上第二遍了。", "油漆都乾了，可以上第二遍了。", "油漆都乾了，可以上第二遍了。"),
    ("毛巾已经干了，叠起来吧。", "毛巾已經乾了，疊起來吧。", "毛巾已經乾了，疊起來吧。"),
    ("池塘快干了，鱼都翻了白肚。", "池塘快乾了，魚都翻了白肚。", "池塘快乾了，魚都翻了白肚。"),
    ("他洗衣服也干了，做饭也干了。", "他洗衣服也幹了，做飯也幹了。", "他洗衣服也幹了，做飯也幹了。"),
    ("活干了一半他就走了。", "活幹了一半他就走了。", "活幹了一半他就走了。"),
    ("刷油漆也干了，搬砖也干了。", "刷油漆也幹了，搬磚也幹了。", "刷油漆也幹了，搬磚也幹了。"),
    ("他卖衣服都干了十年了。", "他賣衣服都幹了十年了。", "他賣衣服都幹了十年了。"),
    ("工程队修水库都干了两年。", "工程隊修水庫都幹了兩年。", "工程隊修水庫都幹了兩年。"),
    ("他染头发已经干了二十年。", "他染頭髮已經幹了二十年。", "他染頭髮已經幹了二十年。"),
    ("嗓子干得难受。", "嗓子乾得難受。", "嗓子乾得難受。"),
    ("头发自己干得慢，用吹风机吧。", "頭髮自己乾得慢，用吹風機吧。", "頭髮自己乾得慢，用吹風機吧。"),
    ("嘴唇干得起皮。", "嘴唇乾得起皮。", "嘴唇乾得起皮。"),
    ("他剪头发干得不错。", "他剪頭髮幹得不錯。", "他剪頭髮幹得不錯。"),
    # A mine or a well: work there (幹), a dry one (乾); OpenCC's phrase 井干 wrote 井榦.
    ("在矿井干了大半辈子。", "在礦井幹了大半輩子。", "在礦井幹了大半輩子。"),
    ("他在矿井干活。", "他在礦井幹活。", "他在礦井幹活。"),
    ("他们打井干了整整一周。", "他們打井幹了整整一週。", "他們打井幹了整整一週。"),
    ("这口油井干了。", "這口油井乾了。", "這口油井乾了。"),
    ("矿井干燥通风。", "礦井乾燥通風。", "礦井乾燥通風。"),
    ("那口老井干涸多年。", "那口老井乾涸多年。", "那口老井乾涸多年。"),
    # A thorn, a bee, a needle pierce (扎); tying stays 紮.
    ("手指被刺扎了一下。", "手指被刺扎了一下。", "手指被刺扎了一下。"),
    ("她被蜜蜂扎了一下。", "她被蜜蜂扎了一下。", "她被蜜蜂扎了一下。"),
    ("仙人掌扎了他的手。", "仙人掌扎了他的手。", "仙人掌扎了他的手。"),
    ("她随手把头发扎了一下。", "她隨手把頭髮紮了一下。", "她隨手把頭髮紮了一下。"),
    ("用绳子把袋子扎了一圈。", "用繩子把袋子紮了一圈。", "用繩子把袋子紮了一圈。"),
    ("他把辫子扎了起来。", "他把辮子紮了起來。", "他把辮子紮了起來。"),
    # Tied at a bank or a door (繫); a department stays 系.
    ("把小船系在岸边的木桩上。", "把小船繫在岸邊的木樁上。", "把小船繫在岸邊的木樁上。"),
    ("他把马系在门口的柱子上。", "他把馬繫在門口的柱子上。", "他把馬繫在門口的柱子上。"),
    ("把风筝线系在电线杆上。", "把風箏線繫在電線杆上。", "把風箏線繫在電線杆上。"),
    ("两个系在岸边的礼堂开会。", "兩個系在岸邊的禮堂開會。", "兩個系在岸邊的禮堂開會。"),
    ("经济系在门口挂了横幅。", "經濟系在門口掛了橫幅。", "經濟系在門口掛了橫幅。"),
    ("化学系在码头附近。", "化學系在碼頭附近。", "化學系在碼頭附近。"),
    # X头 + a verb with 发 (頭發); the hair (頭髮) after them.
    ("码头发生了事故。", "碼頭發生了事故。", "碼頭發生了事故。"),
    ("志愿者在街头发送传单。", "志願者在街頭發送傳單。", "志願者在街頭發送傳單。"),
    ("他在街头发传单。", "他在街頭發傳單。", "他在街頭發傳單。"),
    ("馒头发霉了，别吃。", "饅頭發黴了，別吃。", "饅頭發黴了，別吃。"),
    ("桥头发现一具尸体。", "橋頭發現一具屍體。", "橋頭發現一具屍體。"),
    ("心头发热。", "心頭發熱。", "心頭發熱。"),
    ("木头发簪很好看。", "木頭髮簪很好看。", "木頭髮簪很好看。"),
    ("她的头发现在很长。", "她的頭髮現在很長。", "她的頭髮現在很長。"),
    ("头发生长很慢。", "頭髮生長很慢。", "頭髮生長很慢。"),
    ("他伤心头发全白了。", "他傷心頭髮全白了。", "他傷心頭髮全白了。"),
    ("街头发型大赛开始了。", "街頭髮型大賽開始了。", "街頭髮型大賽開始了。"),
    ("把头发送去化验。", "把頭髮送去化驗。", "把頭髮送去化驗。"),
    # Monday (週一) before 出; a play (一齣) before 队员.
    ("我们周一出发。", "我們週一出發。", "我們週一出發。"),
    ("周一出门要带伞。", "週一出門要帶傘。", "週一出門要帶傘。"),
    ("这是一出队员们自编自演的戏。", "這是一齣隊員們自編自演的戲。", "這是一齣隊員們自編自演的戲。"),
    ("他们演了一出，队员们都笑了。", "他們演了一齣，隊員們都笑了。", "他們演了一齣，隊員們都笑了。"),
    # Word has it that tomorrow … (有消息说 + 明天).
    ("群里有消息说明天放假。", "群裡有消息說明天放假。", "羣裏有消息説明天放假。"),
    ("有消息说明年要涨价。", "有消息說明年要漲價。", "有消息説明年要漲價。"),
    # News in the media.
    ("消息在新华网上发布后引起热议。", "消息在新華網上發布後引起熱議。", "消息在新華網上發佈後引起熱議。"),
    ("这条消息在网上疯传。", "這條消息在網路上瘋傳。", "這條消息在網上瘋傳。"),
    ("消息在报纸上登出来了。", "消息在報紙上登出來了。", "消息在報紙上登出來了。"),
]

#: (source, Taiwan, Hong Kong), general and software text: rev34's misfires of the rules above, now right.
REV34 = [
    ("他担心头发变少。", "他擔心頭髮變少。", "他擔心頭髮變少。"),
    ("我担心头发不够长。", "我擔心頭髮不夠長。", "我擔心頭髮不夠長。"),
    ("她很细心头发每天都洗。", "她很細心頭髮每天都洗。", "她很細心頭髮每天都洗。"),
    ("当心头发卷进机器里。", "當心頭髮捲進機器裡。", "當心頭髮捲進機器裏。"),
    ("放心头发会长回来的。", "放心頭髮會長回來的。", "放心頭髮會長回來的。"),
    ("在沙滩头发晒得发黄。", "在沙灘頭髮曬得發黃。", "在沙灘頭髮曬得發黃。"),
    ("枕头发黄了该换了。", "枕頭發黃了該換了。", "枕頭發黃了該換了。"),
    ("他用竹签扎了个灯笼。", "他用竹籤紮了個燈籠。", "他用竹籤紮了個燈籠。"),
    ("她用发针扎了个发髻。", "她用髮針紮了個髮髻。", "她用髮針紮了個髮髻。"),
    ("他拿竹签扎了个风筝。", "他拿竹籤紮了個風箏。", "他拿竹籤紮了個風箏。"),
    ("护士用针头扎了一下。", "護士用針頭扎了一下。", "護士用針頭扎了一下。"),
    ("他收衣服干了一半就走了。", "他收衣服幹了一半就走了。", "他收衣服幹了一半就走了。"),
    ("他在水库都干了十年了。", "他在水庫都幹了十年了。", "他在水庫都幹了十年了。"),
    ("他在水库已经干了十年。", "他在水庫已經幹了十年。", "他在水庫已經幹了十年。"),
    ("他在西湖都干了二十年。", "他在西湖都幹了二十年。", "他在西湖都幹了二十年。"),
    ("他在矿井都干了二十年。", "他在礦井都幹了二十年。", "他在礦井都幹了二十年。"),
    ("他修路面也干了，铺地砖也干了。", "他修路面也幹了，鋪地磚也幹了。", "他修路面也幹了，鋪地磚也幹了。"),
    ("他搬水泥干得很卖力。", "他搬水泥幹得很賣力。", "他搬水泥幹得很賣力。"),
    ("她叠被子干得很整齐。", "她疊被子幹得很整齊。", "她疊被子幹得很整齊。"),
    ("护士处理伤口干得很利落。", "護士處理傷口幹得很利落。", "護士處理傷口幹得很利落。"),
    ("锅里的水都干了。", "鍋裡的水都乾了。", "鍋裏的水都乾了。"),
    ("他常年在野外油井干活。", "他常年在野外油井幹活。", "他常年在野外油井幹活。"),
    ("他们在那口老井干活。", "他們在那口老井幹活。", "他們在那口老井幹活。"),
    ("他去气井干了三年。", "他去氣井幹了三年。", "他去氣井幹了三年。"),
    ("古井干涸了。", "古井乾涸了。", "古井乾涸了。"),
    ("矿井干湿度要监测。", "礦井乾溼度要監測。", "礦井乾濕度要監測。"),
    ("计算机系在门口摆了咨询台。", "電腦系在門口擺了諮詢臺。", "電腦系在門口擺了諮詢台。"),
    ("软件系在门前挂了横幅。", "軟體系在門前掛了橫幅。", "軟件系在門前掛了橫幅。"),
    ("电子系在码头实习。", "電子系在碼頭實習。", "電子系在碼頭實習。"),
    ("音乐系在桥那边。", "音樂系在橋那邊。", "音樂系在橋那邊。"),
    ("土木系在岸边测量。", "土木系在岸邊測量。", "土木系在岸邊測量。"),
    ("社会系在院子里开会。", "社會系在院子裡開會。", "社會系在院子裏開會。"),
    ("机械系在码头旁边。", "機械系在碼頭旁邊。", "機械系在碼頭旁邊。"),
    ("表演系在门口排练。", "表演系在門口排練。", "表演系在門口排練。"),
    ("我把小船系在码头上。", "我把小船繫在碼頭上。", "我把小船繫在碼頭上。"),
    ("老周一出门就摔了一跤。", "老周一出門就摔了一跤。", "老周一出門就摔了一跤。"),
    ("小周一出场全场欢呼。", "小周一出場全場歡呼。", "小周一出場全場歡呼。"),
    ("这周一出事就麻烦了。", "這週一出事就麻煩了。", "這週一出事就麻煩了。"),
]

#: (source, Taiwan general and software; Hong Kong software): an explanation beginning with 天 / 早 / 日 / 年 / 儿.
REV34_EXPLANATIONS = [
    ("没有消息说明天线为何断开。", "沒有訊息說明天線為何斷開。", "沒有訊息説明天線為何斷開。"),
    (
        "日志里没有消息说明早期版本为何失败。",
        "日誌裡沒有訊息說明早期版本為何失敗。",
        "日誌裏沒有訊息説明早期版本為何失敗。",
    ),
    (
        "没有消息说明日期格式错误的原因。",
        "沒有訊息說明日期格式錯誤的原因。",
        "沒有訊息説明日期格式錯誤的原因。",
    ),
    ("没有消息说明年龄字段的含义。", "沒有訊息說明年齡欄位的含義。", "沒有訊息説明年齡欄位的含義。"),
    ("没有消息说明儿童模式怎么开启。", "沒有訊息說明兒童模式怎麼開啟。", "沒有訊息説明兒童模式怎麼開啓。"),
    (
        "没有消息说明天然气价格为何上涨。",
        "沒有訊息說明天然氣價格為何上漲。",
        "沒有訊息説明天然氣價格為何上漲。",
    ),
    ("有消息说明早八点开始抢票。", "有消息說明早八點開始搶票。", "有消息説明早八點開始搶票。"),
]


@pytest.mark.parametrize(("source", "taiwan", "hong_kong_software"), REV34_EXPLANATIONS)
def test_rev34_an_explanation_is_a_message(source: str, taiwan: str, hong_kong_software: str) -> None:
    for domain in DOMAINS:
        assert convert(TW, domain, source) == taiwan
    assert convert(HK, SOFTWARE, source) == hong_kong_software


def test_rev34_a_message_called_something_is_a_programs() -> None:
    assert convert(HK, SOFTWARE, "队列里有消息称为就绪。") == "隊列裏有訊息稱為就緒。"


#: (source, Taiwan), general and software text: Taiwan's 设置 / 设备 / 酒店 / 消息 / 一出 rules.
TAIWAN = [
    ("路口设置了红绿灯。", "路口設置了紅綠燈。"),
    ("作者在开头设置了悬念。", "作者在開頭設置了懸念。"),
    ("小说设置了伏笔。", "小說設置了伏筆。"),
    ("为测试设置了陷阱处理函数。", "為測試設定了陷阱處理函式。"),
    ("程序设置了专区的显示名称。", "程式設定了專區的顯示名稱。"),
    ("实验室设备列表已经更新。", "實驗室設備列表已經更新。"),
    ("工厂设备列表需要盘点。", "工廠設備列表需要盤點。"),
    ("急救设备列表贴在墙上。", "急救設備列表貼在牆上。"),
    ("蓝牙设备列表为空。", "藍牙裝置列表為空。"),
    ("输入设备列表里没有键盘。", "輸入裝置列表裡沒有鍵盤。"),
    ("移动设备列表为空。", "移動裝置列表為空。"),
    ("他住在酒店式公寓里。", "他住在酒店式公寓裡。"),
    ("酒店式管理。", "酒店式管理。"),
    ("我们订了一家酒店。", "我們訂了一家飯店。"),
    ("入住酒店后先洗澡。", "入住飯店後先洗澡。"),
    ("这家酒店式样很新。", "這家飯店式樣很新。"),
    ("这条消息在队列中等待重试。", "這條訊息在佇列中等待重試。"),
    ("消息在网上传输时要加密。", "訊息在網路上傳輸時要加密。"),
    ("没有消息说明原因。", "沒有訊息說明原因。"),
    ("日志里没有消息说明天气接口失败的原因。", "日誌裡沒有訊息說明天氣介面失敗的原因。"),
    ("消息一出队就被消费了。", "訊息一出隊就被消費了。"),
    ("一出队列就执行。", "一出佇列就執行。"),
    # Session 35 — rev34: a program's semaphore, mode, timing, trap flag (設定); a program's messages and the media (訊息).
    ("线程设置了信号灯的值。", "執行緒設定了訊號燈的值。"),
    ("在系统中设置了无障碍模式。", "在系統中設定了無障礙模式。"),
    ("在模拟器里设置了红绿灯的时长。", "在模擬器裡設定了紅綠燈的時長。"),
    ("调试器设置了陷阱标志。", "除錯器設定了陷阱標誌。"),
    ("路口设置了信号灯。", "路口設置了訊號燈。"),
    ("景区设置了无障碍通道。", "景區設置了無障礙通道。"),
    ("推送消息在新闻客户端里显示。", "推送訊息在新聞客戶端裡顯示。"),
    ("消息在媒体服务器之间转发。", "訊息在媒體伺服器之間轉發。"),
    ("消息在电视盒子上弹出。", "訊息在電視盒子上彈出。"),
    ("消息在媒体上曝光后引起轰动。", "消息在媒體上曝光後引起轟動。"),
    ("消息在电视上播出了。", "消息在電視上播出了。"),
]

#: (source, Hong Kong software text): news and backing keep 消息 / 支持; a program's message and support stay 訊息 / 支援.
HONG_KONG_SOFTWARE = [
    ("得知消息后她立刻赶回老家。", "得知消息後她立刻趕回老家。"),
    ("他去世的消息传开了。", "他去世的消息傳開了。"),
    ("有消息说他已经辞职了。", "有消息説他已經辭職了。"),
    ("国家支持新能源产业。", "國家支持新能源產業。"),
    ("我会一直支持你。", "我會一直支持你。"),
    ("父母支持我学音乐。", "父母支持我學音樂。"),
    ("你收到一条新消息。", "你收到一條新訊息。"),
    ("客户端接到消息后调用回调函数。", "客户端接到訊息後調用回調函數。"),
    ("如果队列里还没有消息，消费者就阻塞等待。", "如果隊列裏還沒有訊息，消費者就阻塞等待。"),
    ("聊天记录里所有消息说的都是工作。", "聊天記錄裏所有訊息説的都是工作。"),
    ("没有消息说明原因。", "沒有訊息説明原因。"),
    ("这个版本支持中文。", "這個版本支援中文。"),
    ("本软件支持你自定义主题。", "本軟件支援你自訂主題。"),
    # Session 35 — rev34: a program's messages in the media's software, striving to support formats, striving for backing.
    ("推送消息在新闻客户端里显示。", "推送訊息在新聞客户端裏顯示。"),
    ("消息在媒体服务器之间转发。", "訊息在媒體伺服器之間轉發。"),
    ("消息在电视盒子上弹出。", "訊息在電視盒子上彈出。"),
    ("消息在媒体上曝光后引起轰动。", "消息在媒體上曝光後引起轟動。"),
    ("消息在电视上播出了。", "消息在電視上播出了。"),
    ("我们争取支持更多格式。", "我們爭取支援更多格式。"),
    ("大家争取支持。", "大家爭取支持。"),
    ("队列里有消息称为就绪。", "隊列裏有訊息稱為就緒。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "taiwan", "hong_kong"), BOTH + REV34)
def test_both_variants(domain: str, source: str, taiwan: str, hong_kong: str) -> None:
    assert convert(TW, domain, source) == taiwan
    assert convert(HK, domain, source) == hong_kong


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "taiwan"), TAIWAN)
def test_taiwan(domain: str, source: str, taiwan: str) -> None:
    assert convert(TW, domain, source) == taiwan


@pytest.mark.parametrize(("source", "hong_kong"), HONG_KONG_SOFTWARE)
def test_hong_kong_software_text_keeps_news_and_backing(source: str, hong_kong: str) -> None:
    assert convert(HK, SOFTWARE, source) == hong_kong


#: A diary note: dry clothes, a river gone dry, a thorn, a boat tied up, a pier's accident, Monday, word of a holiday.
DIARY = "衣服干了一半，河水也干了。手指被刺扎了一下。把小船系在岸边。码头发生了事故。我们周一出发。群里有消息说明天放假。\n"


def test_a_general_note_reads_the_fixes_in_both_variants(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = build_site(tmp_path, notes={"a.md": f"---\ntitle: 周记\ndate: 2024-01-02\n---\n\n{DIARY}"})
    assert result.ok, result.log
    tw = html.unescape(result.page("zh-Hant-TW/notes/a/index.html"))
    hk = html.unescape(result.page("zh-Hant-HK/notes/a/index.html"))
    for page in (tw, hk):
        assert "衣服乾了一半，河水也乾了" in page and "被刺扎了一下" in page and "把小船繫在岸邊" in page
        assert "碼頭發生了事故" in page and "週一出發" in page
    assert "有消息說明天放假" in tw and "有消息説明天放假" in hk


#: rev34's misfires in a note: a worry about hair, a lantern tied, years worked at a reservoir, a department at the door.
REV34_DIARY = (
    "我担心头发变少。他用竹签扎了个灯笼。他在水库都干了十年了。电子系在码头实习。老周一出门就摔了一跤。\n"
)


def test_a_general_note_keeps_rev34_s_misfires_right(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = build_site(tmp_path, notes={"b.md": f"---\ntitle: 日记\ndate: 2024-01-03\n---\n\n{REV34_DIARY}"})
    assert result.ok, result.log
    for code in ("zh-Hant-TW", "zh-Hant-HK"):
        page = html.unescape(result.page(f"{code}/notes/b/index.html"))
        assert "擔心頭髮變少" in page and "竹籤紮了個燈籠" in page and "水庫都幹了十年" in page
        assert "電子系在碼頭" in page and "老周一出門" in page


#: The session's new rules, by (variant key, word, domain); 干得 and 扎了 also select conv32's rules of those words.
NEW_RULES = {
    ("zh-Hant", "干了一半", ""),
    ("zh-Hant", "也干了", ""),
    ("zh-Hant", "都干了", ""),
    ("zh-Hant", "早就干了", ""),
    ("zh-Hant", "已经干了", ""),
    ("zh-Hant", "快干了", ""),
    ("zh-Hant", "干得", ""),
    ("zh-Hant", "干", ""),
    ("zh-Hant", "扎了", ""),
    ("zh-Hant", "头发", ""),
    ("zh-Hant", "干活", ""),
    ("zh-Hant", "周一出", ""),
    ("zh-Hant-TW", "有消息说明", ""),
    ("zh-Hant-HK", "有消息说明", SOFTWARE),
    ("zh-Hant-HK", "有消息", SOFTWARE),
    ("zh-Hant-HK", "争取支持", SOFTWARE),
}


def test_the_new_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """Inside one of OpenCC's own phrases (井干 the railing …) a word of these rules converts as it did before them."""
    assert_new_rules_keep_opencc_phrases_in_both_variants(NEW_RULES)
