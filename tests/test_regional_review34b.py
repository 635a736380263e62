"""A Taiwan and Hong Kong editor's review of session 34's conv26 rules (session 34 — rev26, issue 25).

The ``# Session 34 — heldout24`` rules of hooks/zhudu/script/data/regional.yml were written from science and nature
prose.  Probed with sentences from other kinds of text (software, notes, news, names, compounds across a word edge),
they misfired on 明白 / 坦白 / 李白 + a Ross or a Roosevelt (白罗斯 → 白俄羅斯), money spent or used up before 污染 and
light named by its colour (花光污染, 蓝光污染 → 光害), a window's left or right pane (左侧视图), a virtual machine
migrated remotely (远程迁移), touch support, sensitivity, drivers and touch beside the mouse (触摸支持, 不支持触摸),
a public support library, sour soup and a pot of it (酸汤加人们), online statutes, strip comics and bar charts (在线条文,
在线条漫, 在线条形图), passing a laboratory's test, menus, forms and orders mapped (菜单映射), a reply to the Soviet Union
or to staff after 上 (上复苏联, 上复员工), visiting one country after another (历访), NASA's head under its short names
(總署局長) and a repeater (复读机).  Each is guarded; the misses found beside them are the siblings the rules now take.
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from zhudu.script.domain import GENERAL, SOFTWARE

DOMAINS = [GENERAL, SOFTWARE]

#: (source, Taiwan, Hong Kong): where a heldout24 rule fired in another sense; the same in both domains.
MISFIRES = [
    ("我明白罗斯福为什么这么做。", "我明白羅斯福為什麼這麼做。", "我明白羅斯福為什麼這麼做。"),
    ("他不明白罗斯的意思。", "他不明白羅斯的意思。", "他不明白羅斯的意思。"),
    ("李白罗斯福都是名人。", "李白羅斯福都是名人。", "李白羅斯福都是名人。"),
    ("坦白罗斯并不想去。", "坦白羅斯並不想去。", "坦白羅斯並不想去。"),
    ("我不明白罗斯托夫为什么失守。", "我不明白羅斯托夫為什麼失守。", "我不明白羅斯托夫為什麼失守。"),
    ("钱花光污染治理就没有经费了。", "錢花光汙染治理就沒有經費了。", "錢花光污染治理就沒有經費了。"),
    ("他们用光污染防治资金去买车。", "他們用光汙染防治資金去買車。", "他們用光污染防治資金去買車。"),
    ("抛光污染物要妥善处理。", "拋光汙染物要妥善處理。", "拋光污染物要妥善處理。"),
    ("走光污染了他的名声。", "走光汙染了他的名聲。", "走光污染了他的名聲。"),
    ("蓝光污染伤害眼睛。", "藍光汙染傷害眼睛。", "藍光污染傷害眼睛。"),
    ("在右侧视图中选择文件。", "在右側檢視中選擇檔案。", "在右側視圖中選擇文件。"),
    ("左侧视图显示文件树。", "左側檢視顯示檔案樹。", "左側視圖顯示文件樹。"),
    ("将虚拟机远程迁移到另一台主机。", "將虛擬機器遠端遷移到另一台主機。", "將虛擬機遠程遷移到另一台主機。"),
    ("远程迁移数据库需要停机。", "遠端遷移資料庫需要停機。", "遠程遷移數據庫需要停機。"),
    ("网站针对触摸优化了。", "網站針對觸控優化了。", "網站針對觸摸優化了。"),
    ("调整触摸灵敏度。", "調整觸控靈敏度。", "調整觸摸靈敏度。"),
    ("触摸和鼠标都可以操作。", "觸控和滑鼠都可以操作。", "觸摸和滑鼠都可以操作。"),
    ("启用触摸后可以滑动。", "啟用觸控後可以滑動。", "啓用觸摸後可以滑動。"),
    ("触摸驱动需要更新。", "觸控驅動需要更新。", "觸摸驅動需要更新。"),
    ("触摸延迟太高。", "觸控延遲太高。", "觸摸延遲太高。"),
    ("公共的支持库。", "公共的支援庫。", "公共的支援庫。"),
    ("酸汤加人们喜欢的香料。", "酸湯加人們喜歡的香料。", "酸湯加人們喜歡的香料。"),
    ("这锅汤加人的口水了。", "這鍋湯加人的口水了。", "這鍋湯加人的口水了。"),
    ("在线条文查询系统。", "線上條文查詢系統。", "在線條文查詢系統。"),
    ("在线条漫平台很火。", "線上條漫平台很火。", "在線條漫平台很火。"),
    ("在线条形图生成器。", "線上條形圖生成器。", "在線條形圖生成器。"),
    ("这款软件能够通过实验室测试。", "這款軟體能夠通過實驗室測試。", "這款軟件能夠通過實驗室測試。"),
    ("菜单映射到快捷键。", "選單對映到快捷鍵。", "菜單映射到快捷鍵。"),
    ("订单映射表出错了。", "訂單對映表出錯了。", "訂單映射表出錯了。"),
    ("在大会上复苏联代表的质询。", "在大會上覆蘇聯代表的質詢。", "在大會上覆蘇聯代表的質詢。"),
    ("他在会上复员工的来信。", "他在會上覆員工的來信。", "他在會上覆員工的來信。"),
    (
        "希腊历访欧洲各国的总理来到雅典。",
        "希臘歷訪歐洲各國的總理來到雅典。",
        "希臘歷訪歐洲各國的總理來到雅典。",
    ),
    ("印度历访美国的总理。", "印度歷訪美國的總理。", "印度歷訪美國的總理。"),
    ("美国航天局局长访问了中国。", "美國太空總署署長訪問了中國。", "美國太空總署署長訪問了中國。"),
    ("美国宇航局局长辞职了。", "美國太空總署署長辭職了。", "美國太空總署署長辭職了。"),
    ("这台机器上复读机的功能坏了。", "這台機器上複讀機的功能壞了。", "這台機器上複讀機的功能壞了。"),
]

#: As MISFIRES, in general text (software text in Hong Kong writes 支援 for 支持 there, another rule's).
MISFIRES_GENERAL = [
    ("本应用不支持触摸。", "本應用不支援觸控。", "本應用不支持觸摸。"),
    ("触摸支持还在开发中。", "觸控支援還在開發中。", "觸摸支持還在開發中。"),
    ("表单映射到对象。", "表單對映到物件。", "表單映射到對象。"),
]

#: (source, Taiwan, Hong Kong): an obvious sibling a heldout24 rule left (上复合, 上复辟, 萨波特克星, 伊朗历, 左视图,
#: 远程工作, 闹钟指针, 在线程, 能通过研究所考试, 同态映射, 美国航空航天局 …); the same in both domains.
MISSES = [
    ("这种材料在结构上复合了两层。", "這種材料在結構上複合了兩層。", "這種材料在結構上複合了兩層。"),
    ("她在户籍上复姓司马。", "她在戶籍上複姓司馬。", "她在户籍上複姓司馬。"),
    ("这种植物叶子上复叶很多。", "這種植物葉子上複葉很多。", "這種植物葉子上複葉很多。"),
    ("这家老字号在网上复刻了经典款。", "這家老字號在網路上復刻了經典款。", "這家老字號在網上復刻了經典款。"),
    (
        "国民党在大陆上复辟的幻想破灭了。",
        "國民黨在大陸上復辟的幻想破滅了。",
        "國民黨在大陸上復辟的幻想破滅了。",
    ),
    ("火马上复燃了。", "火馬上復燃了。", "火馬上復燃了。"),
    ("他的眼睛手术后马上复明了。", "他的眼睛手術後馬上復明了。", "他的眼睛手術後馬上復明了。"),
    ("这片土地上复垦了很多农田。", "這片土地上復墾了很多農田。", "這片土地上復墾了很多農田。"),
    ("他在部队上复员回家了。", "他在部隊上復員回家了。", "他在部隊上復員回家了。"),
    ("这一去就再也没有马上复返。", "這一去就再也沒有馬上復返。", "這一去就再也沒有馬上復返。"),
    ("萨波特克星象和阿兹特克相似。", "薩波特克星象和阿茲特克相似。", "薩波特克星象和阿茲特克相似。"),
    ("米斯特克星图很精美。", "米斯特克星圖很精美。", "米斯特克星圖很精美。"),
    ("伊朗历的新年是诺鲁孜节。", "伊朗曆的新年是諾魯孜節。", "伊朗曆的新年是諾魯孜節。"),
    ("埃及历代法老的陵墓。", "埃及歷代法老的陵墓。", "埃及歷代法老的陵墓。"),
    ("埃及历经三十个王朝。", "埃及歷經三十個王朝。", "埃及歷經三十個王朝。"),
    ("零件的主视图和左视图。", "零件的主檢視和左視圖。", "零件的主視圖和左視圖。"),
    ("顶视图和底视图也要画出来。", "頂視圖和底視圖也要畫出來。", "頂視圖和底視圖也要畫出來。"),
    ("前视图、后视图和右视图。", "前視圖、後視圖和右視圖。", "前視圖、後視圖和右視圖。"),
    ("远程客机需要更多燃油。", "遠程客機需要更多燃油。", "遠程客機需要更多燃油。"),
    ("疫情期间很多人远程工作。", "疫情期間很多人遠距工作。", "疫情期間很多人遠程工作。"),
    ("他通过远程学习获得学位。", "他透過遠距學習獲得學位。", "他通過遠程學習獲得學位。"),
    ("大学开设了远程课程。", "大學開設了遠距課程。", "大學開設了遠程課程。"),
    ("远程诊疗服务覆盖农村。", "遠距診療服務覆蓋農村。", "遠程診療服務覆蓋農村。"),
    ("远程问诊越来越普及。", "遠距問診越來越普及。", "遠程問診越來越普及。"),
    ("远程面试也要穿正装。", "遠距面試也要穿正裝。", "遠程面試也要穿正裝。"),
    ("请勿用湿手触摸按钮。", "請勿用溼手觸摸按鈕。", "請勿用濕手觸摸按鈕。"),
    ("闹钟指针停了。", "鬧鐘指針停了。", "鬧鐘指針停了。"),
    ("挂钟指针指向十二。", "掛鐘指針指向十二。", "掛鐘指針指向十二。"),
    ("压力表指针到了红线。", "壓力錶指針到了紅線。", "壓力錶指針到了紅線。"),
    ("万用表指针偏转。", "萬用表指針偏轉。", "萬用表指針偏轉。"),
    ("指针式手表很经典。", "指針式手錶很經典。", "指針式手錶很經典。"),
    ("在线程中调用这个函数。", "在執行緒中呼叫這個函式。", "在線程中調用這個函數。"),
    ("在线段AB上取一点。", "在線段AB上取一點。", "在線段AB上取一點。"),
    ("在线性代数中矩阵很重要。", "在線性代數中矩陣很重要。", "在線性代數中矩陣很重要。"),
    ("他能通过研究所考试吗？", "他能通過研究所考試嗎？", "他能通過研究所考試嗎？"),
    ("他能通过电话面试吗？", "他能通過電話面試嗎？", "他能通過電話面試嗎？"),
    ("运动员能通过药物检测吗？", "運動員能通過藥物檢測嗎？", "運動員能通過藥物檢測嗎？"),
    ("同态映射保持运算。", "同態映射保持運算。", "同態映射保持運算。"),
    ("仿射映射保持平行线。", "仿射映射保持平行線。", "仿射映射保持平行線。"),
    ("美国航空航天局发射了探测器。", "美國國家航空暨太空總署發射了探測器。", "美國太空總署發射了探測器。"),
]

#: As MISSES, in general text.
MISSES_GENERAL = [
    ("感谢亲友的支持。", "感謝親友的支持。", "感謝親友的支持。"),
    ("家庭的支持很关键。", "家庭的支持很關鍵。", "家庭的支持很關鍵。"),
]


def _cases(every_domain: list[tuple[str, str, str]], general_only: list[tuple[str, str, str]]) -> list:
    """(domain, source, Taiwan, Hong Kong): the first list in both domains, the second in general text."""
    return [(d, *case) for case in every_domain for d in DOMAINS] + [
        (GENERAL, *case) for case in general_only
    ]


def _assert_converts(domain: str, source: str, taiwan: str, hong_kong: str) -> None:
    assert convert(TW, domain, source) == taiwan
    assert convert(HK, domain, source) == hong_kong


@pytest.mark.parametrize(("domain", "source", "taiwan", "hong_kong"), _cases(MISFIRES, MISFIRES_GENERAL))
def test_heldout24_rules_leave_other_senses(domain: str, source: str, taiwan: str, hong_kong: str) -> None:
    """A heldout24 rule's word in another sense or across a word edge keeps OpenCC's (or another rule's) form."""
    _assert_converts(domain, source, taiwan, hong_kong)


@pytest.mark.parametrize(("domain", "source", "taiwan", "hong_kong"), _cases(MISSES, MISSES_GENERAL))
def test_heldout24_rules_take_their_siblings(domain: str, source: str, taiwan: str, hong_kong: str) -> None:
    """The sibling cases a native editor would change the same way."""
    _assert_converts(domain, source, taiwan, hong_kong)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("source", "taiwan", "hong_kong"),
    [
        ("我们和白罗斯签了协议。", "我們和白俄羅斯簽了協議。", "我們和白俄羅斯簽了協議。"),
        ("对白罗斯的出口增长了。", "對白俄羅斯的出口增長了。", "對白俄羅斯的出口增長了。"),
        ("路灯造成的光污染。", "路燈造成的光害。", "路燈造成的光污染。"),
        (
            "正视图、左视图和俯视图合称三视图。",
            "正視圖、左視圖和俯視圖合稱三視圖。",
            "正視圖、左視圖和俯視圖合稱三視圖。",
        ),
        ("候鸟群远程迁移。", "候鳥群遠程遷移。", "候鳥羣遠程遷移。"),
        ("她轻轻地触摸他的额头。", "她輕輕地觸摸他的額頭。", "她輕輕地觸摸他的額頭。"),
        ("用手触摸屏幕就能操作。", "用手觸控螢幕就能操作。", "用手觸摸屏幕就能操作。"),
        ("他的病马上复发了。", "他的病馬上復發了。", "他的病馬上復發了。"),
        ("病人早上复苏后转入普通病房。", "病人早上復甦後轉入普通病房。", "病人早上復甦後轉入普通病房。"),
        ("在线条上画一个点。", "在線條上畫一個點。", "在線條上畫一個點。"),
        ("用户能通过研究报告了解市场。", "使用者能透過研究報告瞭解市場。", "用户能通過研究報告瞭解市場。"),
    ],
)
def test_heldout24_rules_still_fire_beside_their_guards(
    domain: str, source: str, taiwan: str, hong_kong: str
) -> None:
    """The guards leave each rule's own sense: Belarus, light pollution, a drawing's views, migration, a hand's touch."""
    _assert_converts(domain, source, taiwan, hong_kong)
