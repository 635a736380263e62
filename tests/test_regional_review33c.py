"""A Taiwan and Hong Kong editor's review of session 33's conv25 rules (session 33 — convreview3, issue 25).

Misfires found with realistic sentences where the rules' words stand in another sense, each mended in
hooks/zhudu/script/data/regional.yml by a guard or a narrower rule: hair words after 包括 (发菜, 发簪, 发绳, 发妻), washed
or curled hair before 出儿, the prostate that 素有 a name or 素来 is unwell, taxes levied together, credit reports and
opinions sought (综合征收, 综合征信, 综合征求意见), the syndromes s2twp already names the Taiwan way (大腸激躁症, 妥瑞氏症),
message centres and middleware asked about, the state in economic development (在经济发展中国家起主导作用), enduring a
drug and a plastic's chemical resistance (忍耐药物, 塑料耐药性), a physical address, an object, evidence or species taken
out (提取物理地址, 提取物证), nuclear MRI (核磁振造影), Google's AMP enabled; and two other sessions' Hong Kong software
rules (打听消息 → 打聽訊息, 激活蛋白酶 → 啓用蛋白酶).  Then the misses found beside them.  Each test also holds the rule's
own sentence, which it must keep.
"""

from __future__ import annotations

import pytest
from test_regional_review32_senses import HK, TW, convert  # the layer alone, by variant and domain

from zhudu.script.domain import GENERAL, SOFTWARE

DOMAINS = [GENERAL, SOFTWARE]

#: Hair words after 包括 the 括发 rule wrote 發 (Taiwan and Hong Kong alike: 髮).
HAIR = [
    ("年货清单包括发菜、鲍鱼和腊肠。", "年貨清單包括髮菜、鮑魚和臘腸。", "年貨清單包括髮菜、鮑魚和臘腸。"),
    (
        "盆菜的食材包括发菜、冬菇和蚝豉。",
        "盆菜的食材包括髮菜、冬菇和蠔豉。",
        "盆菜的食材包括髮菜、冬菇和蠔豉。",
    ),
    ("饰品包括发簪、耳环和手镯。", "飾品包括髮簪、耳環和手鐲。", "飾品包括髮簪、耳環和手鐲。"),
    ("配件包括发带、发夹和头箍。", "配件包括髮帶、髮夾和頭箍。", "配件包括髮帶、髮夾和頭箍。"),
    ("清单包括发绳、发圈和发夹。", "清單包括髮繩、髮圈和髮夾。", "清單包括髮繩、髮圈和髮夾。"),
    ("美发产品包括发泥、发蜡和发胶。", "美髮產品包括髮泥、髮蠟和髮膠。", "美髮產品包括髮泥、髮蠟和髮膠。"),
    ("造型产品包括发乳和发油。", "造型產品包括髮乳和髮油。", "造型產品包括髮乳和髮油。"),
    ("这套礼盒包括发梳和镜子。", "這套禮盒包括髮梳和鏡子。", "這套禮盒包括髮梳和鏡子。"),
    ("台湾的造型品包括发雕和发胶。", "臺灣的造型品包括髮雕和髮膠。", "台灣的造型品包括髮雕和髮膠。"),
    ("检查项目包括发旋的位置。", "檢查項目包括髮旋的位置。", "檢查項目包括髮旋的位置。"),
    ("宿舍用品包括发网和浴帽。", "宿舍用品包括髮網和浴帽。", "宿舍用品包括髮網和浴帽。"),
    ("理发工具包括发剪和推子。", "理髮工具包括髮剪和推子。", "理髮工具包括髮剪和推子。"),
    ("她的遗物包括发妻留下的信。", "她的遺物包括髮妻留下的信。", "她的遺物包括髮妻留下的信。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "taiwan", "hong_kong"), HAIR)
def test_hair_after_baokuo_stays_fa_hair(domain: str, source: str, taiwan: str, hong_kong: str) -> None:
    """发菜, 发簪, 发绳, 发泥, 发乳, 发梳, 发雕, 发旋, 发网, 发剪, 发妻, a hairband in a list: 髮; 包括发烧 stays 發."""
    assert convert(TW, domain, source) == taiwan
    assert convert(HK, domain, source) == hong_kong
    assert (
        convert(TW, domain, "阿司匹林可以治疗多种疾病，包括发烧、疼痛。")
        == "阿斯匹靈可以治療多種疾病，包括發燒、疼痛。"
    )


@pytest.mark.parametrize("code", [TW, HK])
@pytest.mark.parametrize(
    ("source", "hair"),
    [
        ("这个牌子的洗发出儿童款了。", "洗髮"),
        ("这家店的植发出儿童方案了吗？", "植髮"),
        ("这款卷发出儿童版了。", "捲髮"),
    ],
)
def test_washed_or_curled_hair_before_chu_er_stays_hair(code: str, source: str, hair: str) -> None:
    """Washed, transplanted or curled hair before 出儿 is 髮 (left to OpenCC); a country 发出 a warning is 發出."""
    assert hair in convert(code, GENERAL, source)
    assert "英國發出兒童" in convert(code, GENERAL, "同样，英国发出儿童不宜服用阿司匹林的警告后。")


#: The gland that 素有 a name or 素来 is unwell: s2twp's 攝護腺 (the 前列腺素 rule kept 前列腺).
GLAND = [
    ("前列腺素有男人第二心脏之称。", "攝護腺素有男人第二心臟之稱。"),
    ("前列腺素有“男人的生命腺”之称。", "攝護腺素有“男人的生命腺”之稱。"),
    ("他的前列腺素来不好，经常尿频。", "他的攝護腺素來不好，經常尿頻。"),
    ("他的前列腺素来就不好。", "他的攝護腺素來就不好。"),
]


@pytest.mark.parametrize(("source", "expected"), GLAND)
def test_the_prostate_before_su_you_or_su_lai_is_shehuxian(source: str, expected: str) -> None:
    """素有…之称, 素来: the gland (攝護腺); prostaglandins (前列腺素来源于…) stay 前列腺素."""
    assert convert(TW, GENERAL, source) == expected
    assert convert(TW, GENERAL, "前列腺素来源于花生四烯酸。") == "前列腺素來源於花生四烯酸。"


#: 综合 + 征收 / 征管 / 征信 / 征求 / 征集 / 征询, which the 综合征 rules read as a syndrome.
LEVIES = [
    ("个人所得税实行综合征收。", "個人所得稅實行綜合徵收。", "個人所得税實行綜合徵收。"),
    ("对综合所得实行综合征收管理。", "對綜合所得實行綜合徵收管理。", "對綜合所得實行綜合徵收管理。"),
    ("税务局推进综合征管改革。", "稅務局推進綜合徵管改革。", "税務局推進綜合徵管改革。"),
    ("税收综合征管信息系统上线了。", "稅收綜合徵管資訊系統上線了。", "税收綜合徵管資訊系統上線了。"),
    ("银行要查看你的综合征信报告。", "銀行要檢視你的綜合徵信報告。", "銀行要查看你的綜合徵信報告。"),
    (
        "个人综合征信查询可以在网上办理。",
        "個人綜合徵信查詢可以在網路上辦理。",
        "個人綜合徵信查詢可以在網上辦理。",
    ),
    (
        "在综合征求各方意见后，方案定下来了。",
        "在綜合徵求各方意見後，方案定下來了。",
        "在綜合徵求各方意見後，方案定下來了。",
    ),
    (
        "经过综合征求意见，最终方案出台。",
        "經過綜合徵求意見，最終方案出臺。",
        "經過綜合徵求意見，最終方案出台。",
    ),
    ("本次综合征集到两百多条建议。", "本次綜合徵集到兩百多條建議。", "本次綜合徵集到兩百多條建議。"),
    ("街道开展综合征询活动。", "街道開展綜合徵詢活動。", "街道開展綜合徵詢活動。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "taiwan", "hong_kong"), LEVIES)
def test_levies_credit_and_opinions_are_no_syndrome(
    domain: str, source: str, taiwan: str, hong_kong: str
) -> None:
    """Taxes levied together, tax administration, credit reports, opinions sought: 綜合徵…; a syndrome stays 症候群 / 綜合症."""
    assert convert(TW, domain, source) == taiwan
    assert convert(HK, domain, source) == hong_kong
    assert convert(TW, domain, "患者因肾病综合征收入院。") == "患者因腎病症候群收入院。"
    assert convert(HK, domain, "代谢综合征患者要控制体重。") == "代謝綜合症患者要控制體重。"


#: Syndromes s2twp names the Taiwan way, which the 综合征 rule made 症候群 after a Mainland name.
OPENCC_SYNDROMES = [
    ("抽动秽语综合征就是妥瑞症。", "妥瑞氏症就是妥瑞症。"),
    ("肠易激综合征患者要注意饮食。", "大腸激躁症患者要注意飲食。"),
    ("多囊卵巢综合征影响生育。", "多囊性卵巢症候群影響生育。"),
    ("睡眠呼吸暂停综合征会导致白天嗜睡。", "睡眠呼吸中止症會導致白天嗜睡。"),
    ("获得性免疫缺陷综合征就是艾滋病。", "後天免疫缺乏症候群就是愛滋病。"),
    ("腕管综合征是常见的职业病。", "腕隧道症候群是常見的職業病。"),
    ("经前期综合征让她很痛苦。", "經前症候群讓她很痛苦。"),
    ("马凡综合征患者身材高挑。", "馬凡氏症候群患者身材高挑。"),
    ("库欣综合征与皮质醇过多有关。", "庫欣氏症候群與皮質醇過多有關。"),
    ("雷诺综合征患者手指遇冷发白。", "雷諾氏症候群患者手指遇冷發白。"),
    ("图雷特综合征的孩子会不自主地眨眼。", "妥瑞氏症的孩子會不自主地眨眼。"),
]


@pytest.mark.parametrize(("source", "expected"), OPENCC_SYNDROMES)
def test_syndromes_opencc_names_the_taiwan_way_keep_their_name(source: str, expected: str) -> None:
    """大腸激躁症, 妥瑞氏症, 睡眠呼吸中止症, 腕隧道症候群 …: s2twp's phrases; the rule keeps 代謝症候群."""
    assert convert(TW, GENERAL, source) == expected
    assert convert(TW, GENERAL, "代谢综合征患者要控制体重。") == "代謝症候群患者要控制體重。"


#: A message centre, system or middleware asked about (打听): software's 訊息.
MESSAGE_SYSTEMS = [
    ("我去打听消息中间件的选型。", "我去打聽訊息中介軟體的選型。"),
    ("向组长打听消息中心的设计。", "向組長打聽訊息中心的設計。"),
    ("我去打听消息中心的实现。", "我去打聽訊息中心的實現。"),
    ("他打听消息系统的架构。", "他打聽訊息系統的架構。"),
]
#: The state in economic development, China's housekeeping and decoration trades: no developing country.
THE_STATE = [
    ("在经济发展中国家起主导作用。", "在經濟發展中國家起主導作用。"),
    ("在经济社会发展中国家发挥着重要作用。", "在經濟社會發展中國家發揮著重要作用。"),
    ("在市场经济发展中国家应该做什么？", "在市場經濟發展中國家應該做什麼？"),
    ("在改革发展中国家始终站在第一线。", "在改革發展中國家始終站在第一線。"),
    (
        "在社会主义现代化建设和经济发展中国家始终发挥主导作用。",
        "在社會主義現代化建設和經濟發展中國家始終發揮主導作用。",
    ),
    ("在经济发展中国家的作用不可替代。", "在經濟發展中國家的作用不可替代。"),
    ("大力发展中国家政服务业。", "大力發展中國家政服務業。"),
    ("继续发展中国家装行业。", "繼續發展中國家裝行業。"),
]
#: Enduring a drug and a material's chemical resistance: no drug resistance (抗藥).
ENDURANCE = [
    ("他默默忍耐药物带来的副作用。", "他默默忍耐藥物帶來的副作用。"),
    ("病人要学会忍耐药物的苦味。", "病人要學會忍耐藥物的苦味。"),
    ("她能忍耐药物带来的恶心。", "她能忍耐藥物帶來的噁心。"),
    ("这种塑料耐药性好，耐酸碱。", "這種塑膠耐藥性好，耐酸鹼。"),
    ("这种涂层的耐药性很强。", "這種塗層的耐藥性很強。"),
    ("氟橡胶耐药性优异，适合做密封件。", "氟橡膠耐藥性優異，適合做密封件。"),
    ("这种聚四氟乙烯管材耐药性极好。", "這種聚四氟乙烯管材耐藥性極好。"),
    ("手套要选耐药水的。", "手套要選耐藥水的。"),
    ("这种材料耐药液腐蚀。", "這種材料耐藥液腐蝕。"),
]
#: A physical address, an object, materials, evidence, species, IoT data, a fund or prices taken out: no extract.
TAKEN_OUT = [
    ("从日志中提取物理地址。", "從日誌中提取實體地址。"),
    ("从内存中提取物理页号。", "從記憶體中提取物理頁號。"),
    ("从图像中提取物体轮廓。", "從影像中提取物體輪廓。"),
    ("用 YOLO 提取物体的边界框。", "用 YOLO 提取物體的邊界框。"),
    ("从视频中提取物体运动轨迹。", "從影片中提取物體運動軌跡。"),
    ("到仓库提取物料。", "到倉庫提取物料。"),
    ("民警在现场提取物证。", "民警在現場提取物證。"),
    ("技术人员在现场提取物证后离开。", "技術人員在現場提取物證後離開。"),
    ("从数据库中提取物种名录。", "從資料庫中提取物種名錄。"),
    ("从传感器中提取物联网数据。", "從感測器中提取物聯網資料。"),
    ("申请提取物业维修基金。", "申請提取物業維修基金。"),
    ("从统计表中提取物价指数。", "從統計表中提取物價指數。"),
    ("这个脚本从网页提取物价信息。", "這個腳本從網頁提取物價資訊。"),
]
#: Google's AMP enabled (啟用), which the 激活 rule read as the kinase's AMP (活化).
GOOGLE_AMP = [
    ("在 WordPress 里激活AMP插件。", "在 WordPress 裡啟用AMP外掛。"),
    ("激活AMP页面后加载更快。", "啟用AMP頁面後加載更快。"),
    ("安装完成后激活AMP组件。", "安裝完成後啟用AMP元件。"),
    ("在后台激活AMP功能。", "在後臺啟用AMP功能。"),
]

#: The rule's own sentence beside each list, which it must keep.
TAIWAN_KEPT = {
    "MESSAGE_SYSTEMS": ("他到处打听消息。", "他到處打聽消息。"),
    "THE_STATE": ("我国仍是发展中国家。", "我國仍是開發中國家。"),
    "ENDURANCE": ("如果患者有耐药性，药物的效力就会下降。", "如果患者有抗藥性，藥物的效力就會下降。"),
    "TAKEN_OUT": (
        "葡萄籽提取物价格是多少？绿茶提取物体外实验表明有抗菌作用。",
        "葡萄籽萃取物價格是多少？綠茶萃取物體外實驗表明有抗菌作用。",
    ),
    "GOOGLE_AMP": ("2012年发现水杨酸还能激活AMP活化蛋白激酶。", "2012年發現水楊酸還能活化AMP活化蛋白激酶。"),
}
TAIWAN_MISFIRES = [
    pytest.param(group, source, expected, id=f"{group}-{i}")
    for group, table in [
        ("MESSAGE_SYSTEMS", MESSAGE_SYSTEMS),
        ("THE_STATE", THE_STATE),
        ("ENDURANCE", ENDURANCE),
        ("TAKEN_OUT", TAKEN_OUT),
        ("GOOGLE_AMP", GOOGLE_AMP),
    ]
    for i, (source, expected) in enumerate(table)
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("group", "source", "expected"), TAIWAN_MISFIRES)
def test_other_senses_keep_their_taiwan_word(domain: str, group: str, source: str, expected: str) -> None:
    """消息, 发展中国家, 耐药, 提取物, 激活 in another sense keep s2twp's word (or OpenCC's); the rule's sentence its own."""
    assert convert(TW, domain, source) == expected
    kept_source, kept = TAIWAN_KEPT[group]
    assert convert(TW, domain, kept_source) == kept


#: Nuclear MRI: the 磁共振成像 rules wrote 核磁振造影 (Taiwan) and 核磁力共振 (Hong Kong).
NUCLEAR = [
    ("核磁共振成像检查要半个小时。", "核磁共振造影檢查要半個小時。", "核磁共振成像檢查要半個小時。"),
    ("他去医院做了核磁共振成像。", "他去醫院做了核磁共振造影。", "他去醫院做了核磁共振成像。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(("source", "taiwan", "hong_kong"), NUCLEAR)
def test_nuclear_mri_keeps_its_nucleus(domain: str, source: str, taiwan: str, hong_kong: str) -> None:
    """核磁共振成像 is 核磁共振造影 in Taiwan and stays s2hkp's in Hong Kong; MRI alone is 磁振造影 / 磁力共振."""
    assert convert(TW, domain, source) == taiwan
    assert convert(HK, domain, source) == hong_kong
    assert convert(TW, domain, "磁共振成像可见斑块。") == "磁振造影可見斑塊。"
    assert convert(HK, domain, "磁共振成像可见斑块。") == "磁力共振可見斑塊。"


#: News asked after in Hong Kong software text, which the software 消息 rule made 訊息.
HK_NEWS = [
    (
        "我才得了打听消息的机会；得到祥林嫂好运的消息之后。",
        "我才得了打聽消息的機會；得到祥林嫂好運的消息之後。",
    ),
    ("他到处打听消息。", "他到處打聽消息。"),
    ("记者四处探听消息。", "記者四處探聽消息。"),
    ("听到喜事的消息，大家都很高兴。", "聽到喜事的消息，大家都很高興。"),
    ("传来死讯的消息后，她哭了。", "傳來死訊的消息後，她哭了。"),
    ("他打听消息总是很灵通。", "他打聽消息總是很靈通。"),
    ("打听消息的时候要小心。", "打聽消息的時候要小心。"),
    ("我四处打听消息，终于找到了他。", "我四處打聽消息，終於找到了他。"),
]
#: A protein, an enzyme, a cell or a gene activated in Hong Kong software text (the software rule's 啓用).
HK_BIOLOGY = [
    ("2012年发现水杨酸还能激活AMP活化蛋白激酶。", "2012年發現水楊酸還能激活AMP活化蛋白激酶。"),
    ("水杨酸能激活AMPK。", "水楊酸能激活AMPK。"),
    ("这种药物能激活T细胞。", "這種藥物能激活T細胞。"),
    ("这种物质能激活免疫系统。", "這種物質能激活免疫系統。"),
    ("激活酶的活性需要钙离子。", "激活酶的活性需要鈣離子。"),
    ("炎症会激活血小板。", "炎症會激活血小板。"),
    ("这种蛋白质能激活转录因子。", "這種蛋白質能激活轉錄因子。"),
    ("激活蛋白酶的过程很复杂。", "激活蛋白酶的過程很複雜。"),
    ("激活受体后，细胞开始分裂。", "激活受體後，細胞開始分裂。"),
    ("激活信号通路会导致炎症。", "激活信號通路會導致炎症。"),
    ("激活补体系统。", "激活補體系統。"),
    ("激活巨噬细胞的吞噬功能。", "激活巨噬細胞的吞噬功能。"),
    ("激活因子促进细胞增殖。", "激活因子促進細胞增殖。"),
    ("激活基因表达。", "激活基因表達。"),
]


@pytest.mark.parametrize(("source", "expected"), HK_NEWS + HK_BIOLOGY)
def test_hong_kong_software_text_keeps_news_and_biology(source: str, expected: str) -> None:
    """Other sessions' software rules: news asked after stays 消息, activating a protein stays 激活 (as s2hkp)."""
    assert convert(HK, SOFTWARE, source) == expected
    assert convert(HK, SOFTWARE, "内核消息和系统消息都写入日志。") == "內核訊息和系統訊息都寫入日誌。"
    assert convert(HK, SOFTWARE, "激活项不可见时自动滚动。") == "啓用項不可見時自動滾動。"


#: Misses found beside the misfires (Taiwan): 涵括 / 统括, 综合症, a disease's 进程, developing countries that 具有, biology's 活化, the FDA's other names.
MISSES = [
    ("功能统括发送和接收。", "功能統括發送和接收。"),
    ("该条例涵括发展与保护两方面。", "該條例涵括發展與保護兩方面。"),
    ("这本书统括发展史上的各个阶段。", "這本書統括發展史上的各個階段。"),
    ("他得了代谢综合症。", "他得了代謝症候群。"),
    ("慢性疲劳综合症不是懒。", "慢性疲勞症候群不是懶。"),
    ("延缓肾病进程的药物不多。", "延緩腎病進程的藥物不多。"),
    ("阿尔茨海默病的进程难以逆转。", "阿茲海默症的進程難以逆轉。"),
    ("这种药可以减缓动脉硬化的进程。", "這種藥可以減緩動脈硬化的進程。"),
    ("控制血糖能延缓糖尿病进程。", "控制血糖能延緩糖尿病進程。"),
    ("癌症的进程因人而异。", "癌症的進程因人而異。"),
    ("疫情的进程出乎意料。", "疫情的進程出乎意料。"),
    ("炎症进程由多种因子调控。", "炎症進程由多種因子調控。"),
    ("延缓肝纤维化进程。", "延緩肝纖維化進程。"),
    ("感染的进程分为三个阶段。", "感染的進程分為三個階段。"),
    ("发展中国家具有后发优势。", "開發中國家具有後發優勢。"),
    ("发展中国家具备劳动力成本优势。", "開發中國家具備勞動力成本優勢。"),
    ("发展中国家居民的收入普遍偏低。", "開發中國家居民的收入普遍偏低。"),
    ("发展中国家电力供应不足。", "開發中國家電力供應不足。"),
    ("发展中国家电网建设滞后。", "開發中國家電網建設滯後。"),
    ("发展中国家用于教育的支出偏少。", "開發中國家用於教育的支出偏少。"),
    ("发展中国家用户更依赖手机上网。", "開發中國家使用者更依賴手機上網。"),
    ("发展中国家乡村地区缺医少药。", "開發中國家鄉村地區缺醫少藥。"),
    ("这种药物能激活T细胞。", "這種藥物能活化T細胞。"),
    ("激活酶的活性需要钙离子。", "活化酶的活性需要鈣離子。"),
    ("激活剂可以加快反应。", "活化劑可以加快反應。"),
    ("激活因子促进细胞增殖。", "活化因子促進細胞增殖。"),
    ("水杨酸能激活 AMP 活化蛋白激酶。", "水楊酸能活化 AMP 活化蛋白激酶。"),
    ("美国食品和药物管理局批准了新药。", "美國食品藥物管理局批准了新藥。"),
    ("美国食品与药物管理局发出警告。", "美國食品藥物管理局發出警告。"),
]
#: Misses in Hong Kong: the FDA's other Mainland names, 涵括发布.
HK_MISSES = [
    ("美国食品和药物管理局批准了新药。", "美國食品及藥物管理局批准了新藥。"),
    ("美国食品与药物管理局发出警告。", "美國食品及藥物管理局發出警告。"),
    ("美国食品药物管理局批准了新药。", "美國食品及藥物管理局批准了新藥。"),
    ("本次更新涵括发布流程的改动。", "本次更新涵括發布流程的改動。"),
]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [(TW, source, expected) for source, expected in MISSES]
    + [(HK, source, expected) for source, expected in HK_MISSES],
)
def test_misses_found_beside_the_misfires(domain: str, code: str, source: str, expected: str) -> None:
    """Each now takes the variant's word."""
    assert convert(code, domain, source) == expected
