"""A native editor's review of session 32's conversion rules (issue 25): the heldout20 block (conv20) in
hooks/zhudu/script/data/regional.yml, read against sentences where its words stand in another sense.

Each misfire is a sentence of ordinary usage where a new rule changed a form that was right or made it wrong: 是只
"is a" before an animal with a clause (这是只会说话的鹦鹉), a laptop word whose 机 begins the next word (笔记本机器,
便携机器人, 台式机箱), 上网 + 本来 / 本身 / 本月 (no netbook), 分区 across a word boundary or as a zone in software
text (分区域, 区分区块, 论坛分区, 分区管理 after 进行), 自动检测 / 检测可用 as a medical or factory test, 包 ending
another word before 管理 (钱包, 红包, 外包, 背包).  Each rule was narrowed (convreview); the last group checks that
the narrowed rules still fire in the sense they were written for.  The misses are OpenCC's 單隻 ("a single one")
where the block's 清单只 / 名单只 / 菜单只 did not reach (订单只能, 简单只需): a 单只 rule (and Hong Kong's 账单只).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from heldout_shape import assert_new_rules_keep_opencc_phrases
from zhudu.script.convert import DEFAULT_VARIANTS, Converter, load_rules

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml", known_variants=VARIANTS)
TW, HK = "zh-Hant-TW", "zh-Hant-HK"
SOFTWARE = "software"

# (variant, domain, sentence, a form the right reading has, the misfiring rule's form that must not appear)
MISFIRES = [
    (TW, "", "这是只会说话的鹦鹉。", "這是隻會說話", "是只會"),
    (HK, "", "那是只想回家的猫。", "那是隻想回家", "是只想"),
    (TW, SOFTWARE, "它是只跟了我十年的老猫。", "是隻跟了", "是只跟"),
    (HK, "", "他家的狗是只会看门的狗。", "狗是隻會看門", "是只會"),
    (TW, "", "这台笔记本机器已经用了五年。", "機器", "筆電器"),
    (HK, "", "这台笔记本机器已经用了五年。", "機器", "手提電腦器"),
    (TW, SOFTWARE, "笔记本机械硬盘换成固态硬盘后快多了。", "機械", "筆電械"),
    (TW, "", "这款笔记本机身很薄。", "機身", "筆電身"),
    (TW, "", "便携机器人越来越多。", "便攜機器人", "筆電器"),
    (HK, "", "便携机器人越来越多。", "便攜機器人", "手提電腦器"),
    (HK, "", "我给台式机箱换了一个风扇。", "台式機箱", "桌面電腦箱"),
    (TW, "", "在乡下上网本来就很慢。", "上網本來", "小筆電"),
    (TW, "", "上网本身并没有错，关键是时间。", "上網本身", "小筆電"),
    (TW, "", "这个月上网本月流量快用完了。", "上網本月", "小筆電"),
    (TW, SOFTWARE, "页面会分区域显示不同的内容。", "分區域", "分割區域"),
    (TW, SOFTWARE, "用不同颜色区分区块的边界。", "區分區塊", "分割區"),
    (TW, SOFTWARE, "要区分区间的开闭。", "區分區間", "分割區"),
    (TW, SOFTWARE, "城市进行分区管理后交通好多了。", "分區管理", "分割管理"),
    (TW, SOFTWARE, "我常去论坛的技术分区。", "技術分區", "分割區"),
    (TW, SOFTWARE, "这款游戏分区很多。", "遊戲分區", "分割區"),
    (TW, "", "医院用机器自动检测血糖。", "自動檢測血糖", "偵測"),
    (TW, SOFTWARE, "医院用机器自动检测血糖。", "自動檢測血糖", "偵測"),
    (TW, "", "工厂的自动检测线每分钟检查一百个零件。", "自動檢測線", "偵測"),
    (TW, "", "这项检测可用于早期筛查癌症。", "檢測可用於", "偵測"),
    (TW, SOFTWARE, "这种检测可用来判断是否感染。", "檢測可用來", "偵測"),
    (TW, "", "这个钱包管理器支持多种加密货币。", "錢包管理器", "套件"),
    (TW, "", "公司的红包管理系统上线了。", "紅包管理系統", "套件"),
    (TW, SOFTWARE, "外包管理系统需要重新设计。", "外包管理系統", "套件"),
    (TW, SOFTWARE, "游戏里的背包管理器很好用。", "背包管理器", "套件"),
]
# (variant, domain, sentence, the right form, OpenCC's wrong form no rule of the block reached: its 单只 "a single one"
# takes the 单 of any word before 只 "only", not only of 清单 / 名单 / 菜单)
MISSES = [
    (TW, "", "订单只能在付款后修改。", "訂單只能", "隻"),
    (HK, "", "操作很简单只需要三步。", "簡單只需要", "隻"),
    (TW, SOFTWARE, "这个歌单只有十首歌。", "歌單只有", "隻"),
    (HK, "", "这个月的账单只有两百块。", "賬單只有", "隻"),
    (TW, "", "这个月的账单只有两百块。", "帳單只有", "隻"),
    (HK, "", "单只手套没法戴。", "單隻手套", "單只"),
]
# (variant, domain, sentence, the narrowed rule's form, the form without it)
STILL_FIRES = [
    (TW, "", "不是只用一个，而是只对文件生效。", "不是只用一個，而是只對", "隻"),
    (TW, "", "这是只适用于 Linux 的方法。", "這是只適用於", "隻"),
    (HK, "", "那是只针对旧版本的补丁。", "那是只針對", "隻"),
    (TW, "", "有些笔记本机很重。", "筆電很重", "筆記本機"),
    (HK, "", "有些笔记本机很重。", "手提電腦很重", "筆記本機"),
    (TW, "", "他的便携机会自动休眠。", "筆電會", "便攜機"),
    (HK, "", "台式机关机很慢。", "桌面電腦關機", "台式機"),
    (TW, "", "他用上网本写代码。", "小筆電", "上網本"),
    (TW, SOFTWARE, "对硬盘进行分区之前先备份。", "進行分割之前", "進行分區"),
    (TW, SOFTWARE, "最起码，您要为 Debian 的根目录准备一个专用的分区。", "專用的分割區", "專用的分區"),
    (TW, SOFTWARE, "系统会自动检测硬件。", "自動偵測硬體", "檢測"),
    (TW, SOFTWARE, "检测可用内存。", "偵測可用記憶體", "檢測"),
    (TW, "", "npm 是 Node.js 的包管理器。", "套件管理器", "包管理器"),
]


@pytest.mark.parametrize(("variant", "domain", "source", "right", "wrong"), MISFIRES + MISSES + STILL_FIRES)
def test_narrowed_rule_gives_the_right_form(
    variant: str, domain: str, source: str, right: str, wrong: str
) -> None:
    out = Converter(VARIANTS[variant], RULES, domain=domain).text(source)
    assert right in out and wrong not in out, out


def test_the_review_rules_keep_opencc_phrases_that_contain_their_words() -> None:
    """The review's new rules (这是只 / 那是只 before a verb no animal does, 单只 and 账单只 before "only") change none
    of OpenCC's phrases."""
    new_rules = {("zh-Hant", w, "") for w in ("这是只", "那是只", "单只")} | {("zh-Hant-HK", "账单只", "")}
    for code in (TW, HK):
        assert_new_rules_keep_opencc_phrases(code, new_rules, on_purpose=set())
