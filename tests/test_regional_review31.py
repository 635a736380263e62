"""A native editor's review of session 31's conversion rules (issue 25): the heldout18 and heldout19 rules on main
and the rules of branch s31-conv2 (OpenCC phrases that take a neighbour's character, block "Session 31 — phrases
across a word boundary" in hooks/zhudu/script/data/regional.yml).

Each misfire is a sentence of ordinary usage where a rule's trigger stands in another sense or across a word boundary,
and the rule, as first written, changed a form plain OpenCC had right: 恢宏 + 功能, 重装 + 备忘录 / 甲骨文 (to
reinstall), 昔日 + 里根 (Reagan), 主演 + 于军 (a name); and, in s31-conv2's block, 回复 / 往复 / 限制 / 控制 / 强制 +
制…, 便签 + 名称, 会合 / 不合 + 并 "and", 上游 + 戏水 / 荡漾 / 玩水, 天后 / 皇后 / 王后 + 面…, 最多 + 只 (a measure of
animals), 字母 + 后缀 "after … attach".  Each rule was narrowed in hooks/zhudu/script/data/regional.yml (convmend).
The misses are places where a rule's guard kept OpenCC's wrong form; the last group checks that the narrowed rules
and their splits still fire in the sense they were written for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zhudu.script.convert import DEFAULT_VARIANTS, Converter, load_rules

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {v.code: v for v in DEFAULT_VARIANTS}
RULES = load_rules(ROOT / "docs" / "editorial" / "conversion.yml", known_variants=VARIANTS)
TW, HK = "zh-Hant-TW", "zh-Hant-HK"

# (variant, domain, sentence, a form the right reading has, the misfiring rule's form that must not appear)
MAIN_MISFIRES = [
    (TW, "", "气势恢宏功能齐全的体育馆落成了。", "恢宏功能", "巨集"),
    (TW, "", "请重装备忘录应用。", "重灌備忘錄", "重裝備忘錄"),
    (TW, "", "我重装甲骨文数据库花了一天。", "重灌甲骨文", "重裝甲骨文"),
    (TW, "", "这位昔日里根政府的官员退休了。", "昔日雷根", "日裡根"),
    (HK, "", "这位昔日里根政府的官员退休了。", "昔日列根", "日裏根"),
    (TW, "", "往日里斯本的街道很热闹。", "往日里斯本", "日裡斯本"),
    (HK, "", "连日里约热内卢都在下雨。", "連日里約熱內盧", "日裏約"),
    (TW, "", "主演于军中途退出了剧组。", "主演于軍", "於軍"),
]
CONV2_MISFIRES = [
    (TW, "", "他回复制表人说数据没问题。", "回覆製表人", "回複製"),
    (TW, "", "往复制动装置坏了。", "往復制動", "往複製"),
    (TW, "", "这项政策限制作者的权利。", "限制作者", "限製作"),
    (TW, "", "这些措施可以控制作物病害。", "控制作物", "控製作"),
    (HK, "", "这些措施可以控制作物病害。", "控制作物", "控製作"),
    (TW, "", "考试强制作答所有题目。", "強制作答", "強製作"),
    (TW, "", "他们限制造访的次数。", "限制造訪", "限製造"),
    (TW, "", "便签名称不能为空。", "便籤名稱", "便簽"),
    (TW, "", "两军在城外会合并占领了县城。", "會合並佔領", "會合併"),
    (TW, "", "这份申请与规定不合并被退回。", "不合並被退回", "不合併"),
    (TW, "", "孩子们在小溪上游戏水。", "上游戲水", "上遊"),
    (TW, "", "河的上游荡漾着一层薄雾。", "上游", "上遊"),
    (TW, "", "我们去上游玩水吧。", "上游玩水", "上遊"),
    (TW, "", "天后面对镜头微笑。", "天后面對", "天後"),
    (HK, "", "天后面对镜头微笑。", "天后面對", "天後"),
    (TW, "", "皇后面带微笑走了进来。", "皇后面帶", "皇後"),
    (TW, "", "王后面露难色。", "王后面露", "王後"),
    (TW, "", "他是全村养了最多只猫的人。", "最多隻貓", "最多只貓"),
    (TW, "", "在每个字母后缀一个圆点。", "字母後綴一個圓點", "字尾"),
]
# (variant, domain, sentence, the right form, OpenCC's wrong form the guard used to keep)
MISSES = [
    (TW, "", "请返回合中国标准的文件。", "返回合中國", "閤"),
    (TW, "", "粉丝们排队求签名。", "求簽名", "求籤名"),
    (TW, "", "这是于军中服役时拍的照片。", "是於軍中服役", "是于軍中"),
    (TW, "", "他回复制片人说剧本已经改好了。", "回覆製片人", "回複製"),
    (HK, "", "他回复制片人说剧本已经改好了。", "回覆製片人", "回複製"),
]
# (variant, domain, sentence, the form a split of a narrowed rule gives, the form without the split)
# (each narrowed rule's own `example:` in regional.yml checks that it still fires)
STILL_FIRES = [
    (TW, "", "他往日里根本不出门。", "往日裡根本", "往日里根本"),
    (HK, "", "他往日里根本不出门。", "往日裏根本", "往日里根本"),
    (TW, "", "以往复制的文件都在这里。", "以往複製", "以往復制"),
    (TW, "", "他的网上游戏水平很高。", "網路遊戲水平", "網上游戲水平"),
    (TW, "", "今天后面的安排取消了。", "今天後面", "今天后面"),
    (TW, "", "士兵们跟在国王后面走进了城堡。", "國王後面", "國王后面"),
    (HK, "", "士兵们跟在国王后面走进了城堡。", "國王後面", "國王后面"),
]
CASES = MAIN_MISFIRES + CONV2_MISFIRES + MISSES + STILL_FIRES


@pytest.mark.parametrize(("variant", "domain", "source", "right", "wrong"), CASES)
def test_narrowed_rule_gives_the_right_form(
    variant: str, domain: str, source: str, right: str, wrong: str
) -> None:
    out = Converter(VARIANTS[variant], RULES, domain=domain).text(source)
    assert right in out and wrong not in out, out
