"""One-to-many characters: Simplified characters OpenCC must choose a Traditional form for.

:data:`ONE_TO_MANY` maps each such character (后 → 後/后, 发 → 發/髮, 谷 → 谷/穀 …) to its candidates,
OpenCC's default first; the audit lists where they occur.  :func:`derive_one_to_many` re-derives the
table from the installed OpenCC (a test compares the two).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import opencc

__all__ = ["ONE_TO_MANY", "derive_one_to_many"]

# One-to-many characters of OpenCC's STCharacters table: each entry is the
# Simplified character followed by its Traditional candidates, OpenCC's
# default first.  The pip package ships the table only as the binary
# STCharacters.ocd2, so it was derived once, for opencc 1.4.2, with the
# opencc_dict tool that the same wheel ships:
#
#     opencc/clib/bin/opencc_dict -i STCharacters.ocd2 -o out.txt -f ocd2 -t text
#
# keeping the lines with more than one candidate (276 characters).  It is
# shipped as data rather than derived at run time because the wheel's bin/
# folder is an implementation detail (absent from other OpenCC builds) and an
# audit should not spawn tools; diffing single-character conversions across
# configs cannot find these characters at all, since a lone character only
# ever shows its default candidate.  tests/test_audit.py re-derives the table
# with derive_one_to_many() and fails if an OpenCC upgrade changed it.
_ONE_TO_MANY_DATA = """
鉴鑑鑒 僵僵殭 熏燻熏薰 曲曲麴 淀澱淀 漓漓灕 铲鏟剷 链鏈鍊 锄鋤耡 锫錇鉳
针針鍼 钟鍾鐘鈡 钥鑰鈅 钫鈁鍅 钻鑽鉆 镋钂鎲 镎鎿錼 镢钁鐝 镰鐮鎌 鹇鷳鷴
饥飢饑 闲閒閑 须須鬚 郁鬱郁 酸酸痠 适適适 雇僱雇 雕雕鵰 面面麪 采採采寀
里裏里哩 证證証 谥諡謚 谷谷穀 赝贗贋 赞贊讚 辟闢辟 荐薦荐 荡蕩盪 荫蔭廕
药藥葯 迹跡蹟 胄胄冑 背背揹 胜勝胜 胡胡鬍衚 脏髒臟 苏蘇甦囌 苔苔薹 苹蘋苹
获獲穫 虫蟲虫 跖蹠跖 腊臘腊 腌醃腌 范範范 蒙蒙矇濛懞 蚝蠔蚝 裥襉襇 舍舍捨
芸芸蕓 蔑蔑衊 蝎蠍蝎 表表錶 袅嫋裊 耇耇耈 艳豔艷 藤藤籐 蜡蠟蜡 豆豆荳
象象像 膻羶膻 致致緻 凄悽淒 准準准 凌凌淩 几幾几 凶兇凶 出出齣 厂廠厂
历歷曆 厘釐厘 划劃划 别別彆 刮刮颳 制制製 千千韆 升升昇 卜卜蔔 占佔占
卤滷鹵 卷卷捲 参參蔘 发發髮 只只隻祇 台臺檯颱台 叶葉叶 叹嘆歎 吁籲吁 吃喫吃
合合閤 吊吊弔 同同衕 后後后 向向嚮曏 吣吣唚 布布佈 帘簾帘 席席蓆 冢冢塚
冬冬鼕 冲衝沖 呆呆待 周周週賙 哄哄鬨 哗譁嘩 岩巖岩 岳嶽岳 庵庵菴 克克剋
党黨党 具具俱 坐坐座 坛壇罈 坝壩垻 坯坯坏 宁寧甯 它它牠 家家傢 弥彌瀰
弦弦絃 回回迴 团團糰 困困睏 复復複覆 夫夫伕 夸誇夸 夹夾袷 娘娘孃 娴嫺嫻
局局侷 咨諮咨 咸鹹咸 咽咽嚥 啮齧嚙 尝嘗嚐 尸屍尸 尽盡儘 当當噹 录錄彔
彩彩綵 唇脣唇 奸奸姦 志志誌 念念唸 干幹乾干榦 并並併幷 幸幸倖 广廣广 喂喂餵
巨巨鉅 征徵征 径徑逕 御御禦 借借藉 埙壎塤 堤堤隄 姜姜薑 勋勳勛 噪噪譟
绱鞝緔 绷繃綳 纤纖縴 烟煙菸 狸狸貍 玩玩翫 确確确 硷硷礆鹼 私私俬 秋秋鞦
种種种 筑築筑 筱筱篠 签籤簽 症症癥 炼煉鍊 琅琅瑯 矩矩榘 糊糊餬 系系係繫
焰焰燄 皂皁皂 穗穗繐 璇璇璿 累累纍 浚浚濬 挂掛挂 挨挨捱 挽挽輓 栗栗慄
核核覈 涂塗涂 涌湧涌 杆杆桿 杠槓杠 杯杯盃 杰傑杰 松松鬆 板板闆 沈沈瀋
沾沾霑 滟灩灧 扇扇搧 才才纔 扎扎紮 托托託 扣扣釦 极極极 果果菓 枪槍鎗
泛泛氾汎 注注註 恤恤卹 恶惡噁 拐拐柺 拿拿拏 游遊游 折折摺 抵抵牴 戚戚慼鏚
捆捆綑 捍捍扞 据據据 搜搜蒐 斗鬥斗 斤斤觔 斫斫斲 毁毀燬譭 摆擺襬 旋旋鏇
昆昆崑 溪溪谿 愈愈癒 愿願愿 札札劄 术術朮 朱朱硃 朴樸朴 梁梁樑 暗暗闇
棱棱稜 欲欲慾 汇匯彙滙 柜櫃柜 澄澄澂 檗檗蘗 万萬万 丑醜丑 个個箇 丰豐丰
伙夥伙 了了瞭 于於于 云雲云 亘亙亘 仆僕仆 仇仇讎 仑侖崙 价價价 仿仿彷
俊俊儁 修修脩 余餘余 佛佛彿 佣傭佣 㐹㑶㐹
"""
ONE_TO_MANY: dict[str, str] = {entry[0]: entry[1:] for entry in _ONE_TO_MANY_DATA.split()}
"""Simplified character -> its Traditional candidates (OpenCC's default first)."""


def derive_one_to_many(opencc_dict: Path | None = None) -> dict[str, str]:
    """Re-derive :data:`ONE_TO_MANY` from the installed OpenCC package.

    Args:
        opencc_dict: Path of the ``opencc_dict`` tool; defaults to the one
            inside the ``opencc`` wheel.

    Returns:
        Simplified character -> candidates, for characters with several.

    Raises:
        FileNotFoundError: If the tool or the dictionary is not installed.
    """
    package = Path(opencc.__file__).parent / "clib"
    tool = opencc_dict or package / "bin" / "opencc_dict"
    table = package / "share" / "opencc" / "STCharacters.ocd2"
    for needed in (tool, table):
        if not needed.exists():
            raise FileNotFoundError(needed)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "STCharacters.txt"
        subprocess.run(
            [str(tool), "-i", str(table), "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True,
            capture_output=True,
        )
        result: dict[str, str] = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            candidates = values.split()
            if len(candidates) > 1:
                result[key] = "".join(candidates)
    return result
