"""The fifth held-out conversion set (tests/conversion_heldout5.yml) and the rules written from it."""

from __future__ import annotations

import pytest

from heldout_shape import (
    assert_set,
    bench_conversion,
    layer_alone,
    shipped,
)

HELDOUT5 = bench_conversion.load_review(bench_conversion.SETS["heldout5"])
SOURCES = ("Weblate 5.14.3 ", "pretix 2026.8.0 ", "django-cms 5.1.3 ")


def test_heldout5_set_shape() -> None:
    """330 real sentences of three sources never used before, none shared with the earlier sets, both
    Traditional forms labelled, every judged word in its zh-Hans sentence and its form in the label."""
    assert_set(HELDOUT5, "conversion_heldout5.yml", SOURCES, 330)


@pytest.mark.parametrize("code", ["zh-Hant-TW", "zh-Hant-HK"])
def test_heldout5_after_its_rules(code: str) -> None:
    """After rules were written from it (first sight: 9.7 TW / 2.5 HK wrong words per 1,000), under 1.8
    wrong words and 0.7 mainland words per 1,000, against plain OpenCC's 10-17.5; every right regional
    word of OpenCC kept.  (1.5 TW before a native editor's review narrowed rules that misfired in
    general writing: 随机访问市民, 免费套餐, 被激活, HK 支持包容.)  Session 28 relabelled four Taiwan 訪問 as 存取
    (access), which only the software-domain rule fixes: Taiwan 14 (1.91) without a domain, 7 by domain.  Session 29's
    label review wrote Taiwan's 選取 for 选中 and 導覽 for a page's 导航 (one place each), which only software-domain rules
    fix: Taiwan 16 (2.19) without a domain, 9 by domain."""
    figures = bench_conversion.measure(HELDOUT5, code, names=("opencc", "zhudu"))
    zhudu, plain = figures["zhudu"], figures["opencc"]
    assert zhudu["wrong"] <= 16 and zhudu["wrong_per_1000"] < 2.2 < 10 < plain["wrong_per_1000"]
    assert bench_conversion.measure(HELDOUT5, code, by_domain=True, names=("zhudu",))["zhudu"]["wrong"] <= 9
    assert zhudu["mainland_per_1000"] < 0.7
    assert zhudu["kept"] == zhudu["places"]


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # Error classes of the fifth held-out set, in sentences of their own, each with a sentence of the
        # other sense where the rule must not fire.
        (
            "zh-Hant-TW",
            "创建部件后，可以在部件设置中修改选项。汽车零部件的价格上涨了。",
            "建立元件後，可以在元件設定中修改選項。汽車零部件的價格上漲了。",
        ),
        (
            "zh-Hant-TW",
            "翻译时会在源语言旁边显示源字符串。这是一个开源语言模型。",
            "翻譯時會在來源語言旁邊顯示來源字串。這是一個開源語言模型。",
        ),
        ("zh-Hant-TW", "请检查文件掩码和子网掩码。", "請檢查檔案遮罩和子網路遮罩。"),
        (
            "zh-Hant-TW",
            "您可能无法访问备份，请改为使用 SSH 访问。总统下周将访问日本。请避免直接访问数据库。",
            # session 28: a database accessed is 存取 (hexo-docs' zh-tw has that paragraph in English).
            "您可能無法存取備份，請改為使用 SSH 存取。總統下週將訪問日本。請避免直接存取資料庫。",
        ),
        (
            "zh-Hant-TW",
            "您已超出付费套餐的限额。午餐我点了一份牛肉套餐。",
            "您已超出付費方案的限額。午餐我點了一份牛肉套餐。",
        ),
        (
            "zh-Hant-TW",
            "请导入银行账单，完成结账后款项会自动转账。",
            "請匯入銀行帳單，完成結帳後款項會自動轉帳。",
        ),
        ("zh-Hant-TW", "每当向用户发送电子邮件时。", "每當向使用者傳送電子郵件時。"),
        (
            "zh-Hant-TW",
            "发送了太多信息，请稍后重试。请查看详细信息。",
            "傳送了太多訊息，請稍後重試。請檢視詳細資訊。",
        ),
        (
            "zh-Hant-TW",
            "这也不会重新激活订单。政府出台措施激活消费。",
            "這也不會重新啟用訂單。政府出臺措施激活消費。",
        ),
        (
            "zh-Hant-TW",
            "复制机器翻译结果到当前翻译，当前处于测试模式。大敌当前以团结为重。",
            "複製機器翻譯結果到目前翻譯，目前處於測試模式。大敵當前以團結為重。",
        ),
        (
            "zh-Hant-TW",
            "请输入优惠券代码和订单代码。请检查这段代码。",
            "請輸入優惠券代碼和訂單代碼。請檢查這段程式碼。",
        ),
        ("zh-Hant-TW", "安装的云备份；可选的文本插件。", "安裝的雲端備份；可選的文字外掛。"),
        ("zh-Hant-HK", "在此处选择自定义模型。", "在此處選擇自訂模型。"),
        ("zh-Hant-TW", "在此处选择自定义模型。", "在此處選擇自訂模型。"),
        (
            "zh-Hant-HK",
            "是否允许购买此产品的人参加您的活动。年轻人参加工作，很多人参与。这家工厂做人参加工。",
            "是否允許購買此產品的人參加您的活動。年輕人參加工作，很多人參與。這家工廠做人參加工。",
        ),
        (
            "zh-Hant-HK",
            "这也不会重新激活订单。政府出台措施激活消费。",
            "這也不會重新啓用訂單。政府出台措施激活消費。",
        ),
        (
            "zh-Hant-HK",
            "发送了太多信息，请稍后重试。请参阅下面的详细信息。",
            "發送了太多訊息，請稍後重試。請參閲下面的詳細資訊。",
        ),
        (
            "zh-Hant-HK",
            "支持包包括优先电子邮件支持，请联系支持人员。我们支持包括他在内的所有候选人。",
            "支援包包括優先電子郵件支援，請聯繫支援人員。我們支持包括他在內的所有候選人。",
        ),
        (
            "zh-Hant-HK",
            "票证输出提供程序的设置已更改。法院为当事人提供程序保障。",
            "票證輸出提供程式的設置已更改。法院為當事人提供程序保障。",
        ),
        (
            "zh-Hant-HK",
            "出现此消息是因为尚未添加任何页面。这是一个好消息。",
            "出現此訊息是因為尚未添加任何頁面。這是一個好消息。",
        ),
    ],
)
def test_heldout5_error_classes(code: str, source: str, expected: str) -> None:
    assert shipped(code)(source) == expected


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        # The same places for a site without the shipped notes' editor's rules: the layer alone fixes them.
        (
            "zh-Hant-TW",
            "以现有翻译部件的额外分支创建新的翻译部件。",
            "以現有翻譯元件的額外分支建立新的翻譯元件。",
        ),
        ("zh-Hant-TW", "这不会自动将钱转账回来。", "這不會自動將錢轉帳回來。"),
        ("zh-Hant-HK", "出现此消息是因为设置中尚未添加页面。", "出現此訊息是因為設置中尚未添加頁面。"),
    ],
)
def test_the_layer_alone_fixes_them(code: str, source: str, expected: str) -> None:
    assert layer_alone(code)(source) == expected
