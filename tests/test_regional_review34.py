"""A Taiwan and Hong Kong editor's review of session 34's conv27 rules (session 34 — rev27, issue 25).

The ``# Session 34 — heldout25`` rules of hooks/zhudu/script/data/regional.yml were written from news; here they meet
other kinds of text (software notes, personal notes, essays, names, words that span the rule's boundary).  Misfires
found and guarded: the marriage after 了 (娶了结发之妻) and a hairband summed up; 云云 after a word ending in 小 (胆小云云);
agreeing, sponsors and votes (有点赞同, 募集赞助商, 获赞成票, 参赞一个月); a website's, a mall's, a lottery's or an app's
operator taken for a telecoms carrier (网站运营商客服); in Taiwan, real-time after 认真 / 逼真 / 历史 / 下属 / 补充, a Mark
drinking Longjing tea, an official data API, programs installed, closed or written (安装必要的程序, 编写应急程序), countries
developed in a field or a middling degree (农业发达国家, 中等发达国家), device trees and recording
devices chosen in software, a project's community (Python社区志愿者), multimedia messages and an app's message centre;
in Hong Kong, a speeding train (一辆奔驰的列车) and a fine steed (宝马奔驰千里) taken for Mercedes-Benz, and information
work asked about (求助信息化).  Then the misses found beside them.  Each test also holds sentences the rules must keep.
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from zhudu.script.domain import GENERAL, SOFTWARE

DOMAINS = [GENERAL, SOFTWARE]

#: The marriage after 了 and hairbands summed up: the 结发 rule wrote 結發 (both variants: 結髮).
MARRIAGE_AND_HAIR = [
    ("他娶了结发之妻。", "他娶了結髮之妻。", "他娶了結髮之妻。"),
    ("她成了结发之妻。", "她成了結髮之妻。", "她成了結髮之妻。"),
    ("她总结发带的搭配技巧。", "她總結髮帶的搭配技巧。", "她總結髮帶的搭配技巧。"),
    ("她总结发圈的用法。", "她總結髮圈的用法。", "她總結髮圈的用法。"),
]

#: 云云 (and so on) after a word ending in 小: the 小云 rule wrote 小雲, and OpenCC 雲 after it.
YUNYUN = [
    ("他说你胆小云云，不必理会。", "他說你膽小云云，不必理會。", "他説你膽小云云，不必理會。"),
    ("这个问题大小云云，说法不一。", "這個問題大小云云，說法不一。", "這個問題大小云云，説法不一。"),
]

#: Agreeing, sponsors, votes and a counsellor: the 点赞 / 集赞 / 获赞 / 赞一个 rules wrote 讚 (贊同, 贊助, 贊成, 參贊).
AGREEING = [
    ("我有点赞同你的看法。", "我有點贊同你的看法。", "我有點贊同你的看法。"),
    ("我有点赞成这个方案。", "我有點贊成這個方案。", "我有點贊成這個方案。"),
    ("这一点赞同的人很多。", "這一點贊同的人很多。", "這一點贊同的人很多。"),
    ("他是驻外参赞一个月后回国。", "他是駐外參贊一個月後回國。", "他是駐外參贊一個月後回國。"),
    ("我们在募集赞助商。", "我們在募集贊助商。", "我們在募集贊助商。"),
    ("他们收集赞成票。", "他們收集贊成票。", "他們收集贊成票。"),
    ("该项目获赞助五百万元。", "該專案獲贊助五百萬元。", "該項目獲贊助五百萬元。"),
    ("这个提议获赞同。", "這個提議獲贊同。", "這個提議獲贊同。"),
    ("方案获赞成票三十张。", "方案獲贊成票三十張。", "方案獲贊成票三十張。"),
    ("召集赞助方开会。", "召集贊助方開會。", "召集贊助方開會。"),
]

#: A website's, a mall's, a cable network's, a lottery's or an app's operator: 營運商, not a telecoms carrier (電信業者 / 電訊商).
OPERATORS = [
    ("网站运营商客服。", "網站營運商客服。", "網站營運商客服。"),
    ("网站运营商信息。", "網站營運商資訊。", "網站營運商資訊。"),
    ("商场运营商客服。", "商場營運商客服。", "商場營運商客服。"),
    ("有线电视运营商网络。", "有線電視營運商網路。", "有線電視營運商網絡。"),
    ("彩票运营商数据。", "彩票營運商資料。", "彩票營運商數據。"),
    ("电商运营商数据。", "電商營運商資料。", "電商營運商數據。"),
    ("停车场运营商信息。", "停車場營運商資訊。", "停車場營運商資訊。"),
    ("APP运营商数据。", "APP營運商資料。", "APP營運商數據。"),
    ("公众号运营商数据。", "公眾號營運商資料。", "公眾號營運商數據。"),
    ("医院运营商数据。", "醫院營運商資料。", "醫院營運商數據。"),
]

#: Taiwan: real-time (即時) after 认真 / 逼真 / 历史 / 下属 / 补充; the 实时 rule wrote 實時.
REAL_TIME = [
    ("他们认真实时记录每个数据。", "他們認真即時記錄每個資料。"),
    ("他认真实时地跟踪每一步。", "他認真即時地追蹤每一步。"),
    ("画面逼真实时光影效果很好。", "畫面逼真即時光影效果很好。"),
    ("这是历史实时行情。", "這是歷史即時行情。"),
    ("下属实时汇报进展。", "下屬即時彙報進展。"),
    ("请补充实时路况。", "請補充即時路況。"),
]

#: Taiwan: a Mark before Longjing tea or a tornado, an official data API.
TW_WORDS = [
    ("马克龙井茶喝不惯。", "馬克龍井茶喝不慣。"),
    ("这位马克龙卷风中受伤。", "這位馬克龍捲風中受傷。"),
    ("官方数据API有限流。", "官方資料API有限流。"),
]

#: Taiwan: a program installed, downloaded, closed, deleted, written or an app (程式); the 程序 rule wrote 程序.
PROGRAMS = [
    ("请先安装必要的程序。", "請先安裝必要的程式。"),
    ("下载必要的程序后重启电脑。", "下載必要的程式後重啟電腦。"),
    ("他关闭了不必要的程序。", "他關閉了不必要的程式。"),
    ("删除不必要的程序。", "刪除不必要的程式。"),
    ("这个急救程序App很好用。", "這個急救程式App很好用。"),
    ("编写应急程序。", "編寫應急程式。"),
]

#: Taiwan: a country developed in a field or to a degree (發達), not 已開發國家.
DEVELOPED = [
    ("中等发达国家。", "中等發達國家。"),
    ("中等发达国家水平。", "中等發達國家水平。"),
    ("农业发达国家。", "農業發達國家。"),
    ("交通发达国家。", "交通發達國家。"),
    ("医疗发达国家。", "醫療發達國家。"),
    ("教育发达国家。", "教育發達國家。"),
    ("金融发达国家。", "金融發達國家。"),
    ("旅游发达国家。", "旅遊發達國家。"),
    ("制造业发达国家。", "製造業發達國家。"),
    ("更发达国家。", "更發達國家。"),
]

#: Taiwan: device trees, permissions, drivers, recording devices chosen or by default: 裝置.
DEVICES = [
    ("制作设备树文件。", "製作裝置樹檔案。"),
    ("制作设备树。", "製作裝置樹。"),
    ("摄像设备权限被拒绝。", "攝像裝置權限被拒絕。"),
    ("选择录音设备。", "選擇錄音裝置。"),
    ("默认录音设备。", "預設錄音裝置。"),
    ("录音设备的驱动。", "錄音裝置的驅動。"),
    ("默认摄像设备。", "預設攝像裝置。"),
]

#: Taiwan: a project's or a site's community (社群) whose volunteers or workers are named.
COMMUNITIES = [
    ("Python社区志愿者。", "Python社群志願者。"),
    ("Python 社区志愿者。", "Python 社群志願者。"),
    ("GitHub社区志愿者。", "GitHub社群志願者。"),
    ("中文社区志愿者。", "中文社群志願者。"),
    ("Linux社区志愿者。", "Linux社群志願者。"),
    ("知乎社区志愿者。", "知乎社群志願者。"),
    ("Rust社区工作者。", "Rust社群工作者。"),
    ("Vue社区志愿者。", "Vue社群志願者。"),
]

#: Taiwan: a multimedia message (MMS) and an app's message centre or notices: 訊息.
MESSAGES = [
    ("多媒体消息服务。", "多媒體訊息服務。"),
    ("官方消息中心。", "官方訊息中心。"),
    ("官方消息通知。", "官方訊息通知。"),
    ("官方消息提醒。", "官方訊息提醒。"),
    ("官方消息列表。", "官方訊息列表。"),
    ("流媒体消息。", "流媒體訊息。"),
]

#: Hong Kong: a speeding train, a fine steed galloping (奔馳), information work asked about (資訊化).
HK_BENZ = [
    ("一辆奔驰的列车。", "一輛奔馳的列車。"),
    ("一辆奔驰的火车。", "一輛奔馳的火車。"),
    ("宝马奔驰千里。", "寶馬奔馳千里。"),
    ("宝马奔驰万里。", "寶馬奔馳萬里。"),
    ("一匹宝马奔驰过来。", "一匹寶馬奔馳過來。"),
    ("宝马奔驰起来。", "寶馬奔馳起來。"),
    ("宝马奔驰不停。", "寶馬奔馳不停。"),
    ("求助信息化建设专家。", "求助資訊化建設專家。"),
]

#: Misses found beside them (both variants): 家 + 什麼 without 的, 發 after 学生 / 考生 / 先生 / 产生, cubic and per kilometre, cards, a charging network's operator.
MISSES = [
    ("搬家什么的最麻烦了。", "搬家什麼的最麻煩了。", "搬家什麼的最麻煩了。"),
    ("我们旧家什么样子你还记得吗？", "我們舊家什麼樣子你還記得嗎？", "我們舊家什麼樣子你還記得嗎？"),
    ("他想知道这些家什么时候能搬走。", "他想知道這些家什麼時候能搬走。", "他想知道這些家什麼時候能搬走。"),
    ("破家什么都没剩下。", "破家什麼都沒剩下。", "破家什麼都沒剩下。"),
    ("学生发展是学校的中心任务。", "學生發展是學校的中心任務。", "學生發展是學校的中心任務。"),
    ("考生发挥出色。", "考生發揮出色。", "考生發揮出色。"),
    ("先生发火了。", "先生發火了。", "先生發火了。"),
    ("面团产生发酵反应。", "麵糰產生發酵反應。", "麪糰產生發酵反應。"),
    ("老师对学生发脾气。", "老師對學生發脾氣。", "老師對學生發脾氣。"),
    ("家庭医生发来一张照片。", "家庭醫生發來一張照片。", "家庭醫生發來一張照片。"),
    ("产生发霉现象。", "產生發黴現象。", "產生發黴現象。"),
    ("地球体积约一万亿立方千米。", "地球體積約一萬億立方公里。", "地球體積約一萬億立方公里。"),
    ("每千米耗油0.08升。", "每公里耗油0.08升。", "每公里耗油0.08升。"),
    ("这张卡里还有多少钱？", "這張卡裡還有多少錢？", "這張卡裏還有多少錢？"),
    ("门禁卡里有芯片。", "門禁卡裡有晶片。", "門禁卡裏有晶片。"),
    ("他把卡里的钱取出来。", "他把卡裡的錢取出來。", "他把卡裏的錢取出來。"),
    ("充电桩运营商。", "充電樁營運商。", "充電樁營運商。"),
]

#: Taiwan misses: 其實 before 時間 / 時候 (s2twp: 其即時間), opening a book.
TW_MISSES = [
    ("其实时间不多了。", "其實時間不多了。"),
    ("其实时候不早了。", "其實時候不早了。"),
    ("打开书本。", "打開書本。"),
]

#: Hong Kong misses: a Mercedes owner.
HK_MISSES = [
    ("奔驰车主。", "平治車主。"),
]

#: What the rules must keep (both variants).
KEEP = [
    (
        "第一位获奖的女性科学家什么来头？",
        "第一位獲獎的女性科學家什麼來頭？",
        "第一位獲獎的女性科學家什麼來頭？",
    ),
    ("搬走旧家什么的都要钱。", "搬走舊傢什麼的都要錢。", "搬走舊傢什麼的都要錢。"),
    ("他作了大会总结发言。", "他作了大會總結發言。", "他作了大會總結發言。"),
    ("他们是结发夫妻。", "他們是結髮夫妻。", "他們是結髮夫妻。"),
    ("是医生发出来的求助。", "是醫生發出來的求助。", "是醫生發出來的求助。"),
    ("这瓶生发水很贵。", "這瓶生髮水很貴。", "這瓶生髮水很貴。"),
    ("王小云表示，感到非常荣幸。", "王小雲表示，感到非常榮幸。", "王小雲表示，感到非常榮幸。"),
    ("来一碗小云吞面。", "來一碗小云吞面。", "來一碗小云吞面。"),
    ("为他点赞！", "為他點讚！", "為他點讚！"),
    ("给同事点赞成为习惯。", "給同事點讚成為習慣。", "給同事點讚成為習慣。"),
    ("这篇文章必须赞一个。", "這篇文章必須讚一個。", "這篇文章必須讚一個。"),
    ("集赞送礼活动明天结束。", "集讚送禮活動明天結束。", "集讚送禮活動明天結束。"),
    ("这条视频获赞无数。", "這條影片獲讚無數。", "這條影片獲讚無數。"),
    ("震源深度10千米。", "震源深度10公里。", "震源深度10公里。"),
    ("他参加了三千米障碍赛。", "他參加了三千米障礙賽。", "他參加了三千米障礙賽。"),
    ("饭卡里没钱了。", "飯卡裡沒錢了。", "飯卡裏沒錢了。"),
    ("信用卡里程兑换很划算。", "信用卡里程兌換很划算。", "信用卡里程兑換很划算。"),
    ("一张卡里姆的照片。", "一張卡里姆的照片。", "一張卡里姆的照片。"),
    ("张卡里是他的朋友。", "張卡里是他的朋友。", "張卡里是他的朋友。"),
    ("三大运营商都下调了资费。", "三大電信業者都下調了資費。", "三大電訊商都下調了資費。"),
    ("游戏运营商发布了新版本。", "遊戲營運商發布了新版本。", "遊戲營運商發佈了新版本。"),
]

#: What the Taiwan rules must keep.
KEEP_TW = [
    ("不经意的真实时刻。", "不經意的真實時刻。"),
    ("落实时间表。", "落實時間表。"),
    ("我们实现实时监控。", "我們實現即時監控。"),
    ("法国总统马克龙访华。", "法國總統馬克宏訪華。"),
    ("马克龙虾做得很好吃。", "馬克龍蝦做得很好吃。"),
    ("经济数据回暖。", "經濟數據回暖。"),
    ("经济数据库每天备份。", "經濟資料庫每天備份。"),
    ("不该省略必要的核实程序。", "不該省略必要的核實程序。"),
    ("这需要履行必要的程序。", "這需要履行必要的程序。"),
    ("简化不必要的程序。", "簡化不必要的程序。"),
    ("发达国家和发展中国家。", "已開發國家和開發中國家。"),
    ("西方发达国家。", "西方已開發國家。"),
    ("感谢大家的支持。", "感謝大家的支持。"),
    ("老人的工作台被录音制作设备占去了大半。", "老人的工作臺被錄音製作設備佔去了大半。"),
    ("舞台设备搭建完毕。", "舞臺設備搭建完畢。"),
    ("强化社区防控网格化管理。", "強化社區防控網格化管理。"),
    ("开源社区主任。", "開源社群主任。"),
    ("据外媒消息。", "據外媒消息。"),
    ("官方消息称将延期。", "官方消息稱將延期。"),
    ("你收到一条新消息。", "你收到一條新訊息。"),
    ("她捡起纸团打开一看。", "她撿起紙團打開一看。"),
    ("双击打开文件。", "雙擊開啟檔案。"),
]

#: What the Hong Kong rules must keep.
KEEP_HK = [
    ("新款奔驰C。", "新款平治C。"),
    ("奔驰汽车公司发布了新车型。", "平治汽車公司發佈了新車型。"),
    ("开着奔驰去上班。", "開着平治去上班。"),
    ("骏马奔驰在草原上。", "駿馬奔馳在草原上。"),
    ("他看到一条求助信息。", "他看到一條求助訊息。"),
    ("对靠信息技术吃饭的运营商来说。", "對靠資訊科技吃飯的運營商來説。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "taiwan", "hong_kong"), MARRIAGE_AND_HAIR + YUNYUN + AGREEING + OPERATORS + MISSES + KEEP
)
def test_both_variants(domain: str, source: str, taiwan: str, hong_kong: str) -> None:
    """The shared rules and the operators, misfires, misses and kept sentences, in general and software text."""
    assert convert(TW, domain, source) == taiwan
    assert convert(HK, domain, source) == hong_kong


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "taiwan"),
    REAL_TIME + TW_WORDS + PROGRAMS + DEVELOPED + DEVICES + COMMUNITIES + MESSAGES + TW_MISSES + KEEP_TW,
)
def test_taiwan(domain: str, source: str, taiwan: str) -> None:
    """The Taiwan rules: misfires guarded, misses added, the rules' own sentences kept."""
    assert convert(TW, domain, source) == taiwan


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "hong_kong"), HK_BENZ + HK_MISSES + KEEP_HK)
def test_hong_kong(domain: str, source: str, hong_kong: str) -> None:
    """The Hong Kong rules: galloping and information work left, a Mercedes owner's car named."""
    assert convert(HK, domain, source) == hong_kong
