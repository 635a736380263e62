"""Conversion audit: where did OpenCC make a choice an editor should check?

For each note and each Traditional variant the audit lists

* every occurrence of a **one-to-many character**: a Simplified character
  with more than one Traditional candidate (后 -> 後/后, 发 -> 發/髮,
  谷 -> 谷/穀 ...), where OpenCC had to pick one; and
* every **regional phrase replacement**: a place where the variant's phrase
  config (s2twp, s2hkp) differs from its character-only config (s2tw, s2hk),
  i.e. where a Taiwan/Hong Kong vocabulary swap happened (数据 -> 資料).

Each place is *reviewed* when a phrase rule or protected term of
``docs/editorial/conversion.yml`` covers it, when an accepted term does, or
when a rule of the default regional layer (``data/regional.yml``) decides it.

By default it prints only the places worth an editor's look, riskiest first, at most 20 lines a
note, each with its sentence and the rule that would fix it (:mod:`zhudu.audit_risk`); ``--all``
lists every place.  Run from ``hooks/``::

    python -m zhudu.script.audit ../seeds/*.md [--all | --only-unreviewed] [--variant zh-Hant-TW]

The module depends only on :mod:`zhudu.script`, :mod:`zhudu.regional` and
:mod:`zhudu.audit_risk`, and strips YAML front matter itself.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import opencc

from zhudu.script.audit_risk import RiskJudge, sentence_around, word_bounds
from zhudu.script.convert import (
    DEFAULT_VARIANTS,
    ConversionRules,
    Variant,
    _matcher,
    detect_script,
    load_rules,
    opencc_converter,
)
from zhudu.script.regional import RegionalRules, default_regional

__all__ = [
    "CONTEXT",
    "ONE_TO_MANY",
    "AuditEntry",
    "audit",
    "derive_one_to_many",
    "main",
    "split_front_matter",
]

CONTEXT = 12
"""Characters of context shown on each side of a place."""

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


@dataclass(frozen=True)
class AuditEntry:
    """One place where OpenCC made a choice.

    Attributes:
        source: Label of the note (its path).
        variant: Variant code.
        line: 1-based line number in the note file.
        column: 1-based column of the place in that line.
        kind: ``"char"`` (one-to-many character) or ``"phrase"``
            (regional phrase replacement).
        text: The place as written (Simplified).
        opencc: What OpenCC alone makes of it.
        candidates: For ``char``, all Traditional candidates; else empty.
        before: Up to :data:`CONTEXT` characters before, on the same line.
        after: Up to :data:`CONTEXT` characters after, on the same line.
        reviewed: Covered by a phrase rule, a protected term, an accepted term or a rule of the
            default regional layer.
        reviewed_by: Which one (e.g. ``"rule 支持项目 → 支持計畫"``, ``"layer 参数 → 參數"``), or empty.
        risk: For a place not reviewed: 1 high, 2 medium, 3 low, 0 hidden (OpenCC reliable); see
            :mod:`zhudu.audit_risk`.
        reason: Why it is risky.
        fix: The rule of ``conversion.yml`` that would fix it.
        sentence: The clause it is in, the place marked 【】.
    """

    source: str
    variant: str
    line: int
    column: int
    kind: str
    text: str
    opencc: str
    candidates: str
    before: str
    after: str
    reviewed: bool
    reviewed_by: str
    risk: int = 0
    reason: str = ""
    fix: str = ""
    sentence: str = ""


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)

# Markdown that the site never converts: fenced code, code spans, link and
# image destinations, inline HTML tags, and authors' -{…}- rules.
_FENCE_RE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_MASK_RE = re.compile(
    r"""
      (?P<code> (?P<ticks>`+) .+? (?P=ticks) )
    | (?P<dest> \]\( [^)]* \) )
    | (?P<rule> -\{ .+? \}- )
    | (?P<tag>  </?[A-Za-z][^>]*> )
    | (?P<auto> <(?:https?|ftp|mailto):[^>]*> )
    """,
    re.VERBOSE,
)


def split_front_matter(text: str) -> tuple[str, int]:
    """Strip a leading ``---`` YAML block.

    Args:
        text: The whole note.

    Returns:
        ``(body, first_line)`` where ``first_line`` is the 1-based line
        number of the body's first line in ``text``.
    """
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return text, 1
    return text[m.end() :], m.group().count("\n") + 1


def _segments(body: str) -> Iterator[tuple[int, str, int, str]]:
    """Yield ``(line index, line, column offset, segment)`` of convertible text."""
    fence: str | None = None
    for index, line in enumerate(body.splitlines()):
        m = _FENCE_RE.match(line)
        if fence is not None:
            if m and m.group("fence")[0] == fence[0] and len(m.group("fence")) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group("fence")
            continue
        pos = 0
        for mask in _MASK_RE.finditer(line):
            if mask.start() > pos:
                yield index, line, pos, line[pos : mask.start()]
            pos = mask.end()
        if pos < len(line):
            yield index, line, pos, line[pos:]


def _base_config(config: str) -> str | None:
    """Return the character-only config of a phrase config (s2twp -> s2tw)."""
    if config.endswith("p") and config[:-1] + ".json" in opencc.CONFIGS:
        return config[:-1]
    return None


def _position_map(a: str, b: str) -> tuple[list[tuple[str, int, int, int, int]], bool]:
    """Return diff opcodes from ``a`` to ``b`` and whether they are aligned 1:1."""
    if len(a) == len(b):
        ops, start = [], None
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y and start is None:
                start = i
            elif x == y and start is not None:
                ops.append(("replace", start, i, start, i))
                start = None
        if start is not None:
            ops.append(("replace", start, len(a), start, len(a)))
        return ops, True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"], False


def audit(
    text: str,
    variant: Variant,
    rules: ConversionRules,
    source: str,
    *,
    first_line: int = 1,
    regional: RegionalRules | bool = True,
) -> list[AuditEntry]:
    """List the places of ``text`` where OpenCC made a choice for ``variant``.

    Args:
        text: The note body (front matter removed) in Simplified Chinese.
        variant: The variant to audit; identity variants have no places.
        rules: Editorial rules (phrase rules, protected and accepted terms).
        source: Label of the note, usually its path.
        first_line: Line number of ``text``'s first line in the note file,
            so that reported lines point into the file.
        regional: The default regional layer (true), none (false) or a given one, as in
            :class:`~zhudu.script.Converter`: places its rules decide are reviewed.

    Returns:
        The places, in text order.  Traditional sources give an empty list:
        the one-to-many table is about Simplified -> Traditional.
    """
    config = variant.opencc_from_hans
    if not config or detect_script(text) != "Hans":
        return []
    full_cc = opencc_converter(config)
    base = _base_config(config)
    char_cc = opencc_converter(base) if base else full_cc
    matcher = _matcher(rules, variant.code, with_phrases=True)
    accepted = sorted(rules.accepted_for(variant.code), key=len, reverse=True)
    layer = default_regional() if regional is True else regional or None
    layer_matcher = layer.matcher(variant.code, "Hans") if layer else None
    layer_rules = layer.rules_for(variant.code, "Hans") if layer else []
    judge = RiskJudge(variant.code, full_cc, char_cc, layer)
    entries: list[AuditEntry] = []

    for index, line, offset, seg in _segments(text):
        if seg.isascii():
            continue
        full = full_cc.convert(seg)
        plain = char_cc.convert(seg)
        if len(plain) != len(seg):  # keep positions aligned on the source
            plain = "".join(char_cc.convert(ch) for ch in seg)

        # Coverage: rule/protected/url spans, then accepted terms.
        covers: list[tuple[int, int, str]] = []
        for m in matcher.pattern.finditer(seg):
            if m.lastgroup == "rule":
                out = matcher.outputs[m.group()]
                label = (
                    f"protected {m.group()}"
                    if out == m.group() and m.group() in rules.protected
                    else f"rule {m.group()} → {out}"
                )
                covers.append((m.start(), m.end(), label))
            elif m.lastgroup in ("url", "email", "domain", "handle"):
                covers.append((m.start(), m.end(), f"protected {m.lastgroup}"))
        for term in accepted:
            start = seg.find(term)
            while start >= 0:
                covers.append((start, start + len(term), f"accepted {term}"))
                start = seg.find(term, start + 1)
        if layer_matcher is not None:
            # The layer sees the text after the editor's rules (their places are masked here).
            masked = list(seg)
            for s, e, label in covers:
                if label.startswith(("rule", "protected")):
                    masked[s:e] = "\ue000" * (e - s)
            for m in layer_matcher[0].finditer("".join(masked)):
                if m.lastgroup == "keep":
                    covers.append((m.start(), m.end(), "layer: a name to type, kept as written"))
                elif m.lastgroup:
                    rule = layer_rules[int(m.lastgroup[1:])]
                    covers.append((m.start(), m.end(), f"layer {rule.word} → {rule.out}"))

        def covered(a: int, b: int, covers: list[tuple[int, int, str]] = covers) -> str:
            for s, e, label in covers:
                if s <= a and b <= e:
                    return label
            return ""

        places: list[tuple[int, int, str, str, str]] = []  # start, end, kind, opencc, candidates
        taken = [False] * len(seg)
        if base:
            # Editor's rules and the layer's are placeholders to OpenCC: it cannot match across them.
            rule_spans = [
                (s, e) for s, e, label in covers if label.startswith(("rule", "protected", "layer"))
            ]
            ops, _ = _position_map(plain, full)
            windows: list[list[int]] = []
            for a, b in _op_ranges(ops, len(seg)):
                for s, e in rule_spans:  # the rule decides here: one reviewed place
                    if s < b and a < e and not any(w[0] == s for w in windows):
                        windows.append([s, e])
                windows.sort()
                for lo, hi in _split_by_spans(a, b, rule_spans):
                    free = _free_region(lo, hi, rule_spans, len(seg))
                    x, y = _phrase_window(seg, lo, hi, free, full_cc, char_cc)
                    if windows and x < windows[-1][1]:  # overlapping windows are one place
                        windows[-1][1] = max(windows[-1][1], y)
                    else:
                        windows.append([x, y])
            for x, y in windows:
                # The window is the phrase OpenCC matched, so converting it alone
                # gives what it produced in context.
                places.append((x, y, "phrase", full_cc.convert(seg[x:y]), ""))
                for k in range(x, y):
                    taken[k] = True
        for k, ch in enumerate(seg):
            if ch in ONE_TO_MANY and not taken[k]:
                places.append((k, k + 1, "char", plain[k], ONE_TO_MANY[ch]))
        places.sort()
        bounds = word_bounds(seg) if any(not covered(a, b) for a, b, *_ in places) else []

        for a, b, kind, out, candidates in places:
            label = covered(a, b)
            col = offset + a
            if label:
                assessment = None
            elif kind == "phrase":
                assessment = judge.phrase(seg, a, b, bounds)
            else:
                assessment = judge.char(seg, a, out, candidates, bounds)
            entries.append(
                AuditEntry(
                    source=source,
                    variant=variant.code,
                    line=first_line + index,
                    column=col + 1,
                    kind=kind,
                    text=seg[a:b],
                    opencc=out,
                    candidates=candidates,
                    before=line[max(0, col - CONTEXT) : col],
                    after=line[offset + b : offset + b + CONTEXT],
                    reviewed=bool(label),
                    reviewed_by=label,
                    risk=assessment.risk if assessment else 0,
                    reason=assessment.reason if assessment else "",
                    fix=assessment.fix if assessment else "",
                    sentence=sentence_around(line, col, offset + b),
                )
            )
    return entries


def _op_ranges(ops: Sequence[tuple[str, int, int, int, int]], length: int) -> list[tuple[int, int]]:
    """Return the left-side ranges of diff opcodes (an insertion marks 1 char)."""
    ranges = []
    for _, i1, i2, _, _ in ops:
        a, b = (i1, i2) if i1 < i2 else (min(i1, length - 1), min(i1, length - 1) + 1)
        if a < b:
            ranges.append((a, b))
    return ranges


def _split_by_spans(a: int, b: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Remove rule spans from ``[a, b)``: a rule, not OpenCC, decides them."""
    parts = [(a, b)]
    for s, e in spans:
        parts = [piece for x, y in parts for piece in ((x, min(y, s)), (max(x, e), y)) if piece[0] < piece[1]]
    return parts


def _free_region(a: int, b: int, spans: Sequence[tuple[int, int]], length: int) -> tuple[int, int]:
    """Return the widest range around ``[a, b)`` that no rule span enters."""
    lo = max((e for s, e in spans if e <= a), default=0)
    hi = min((s for s, e in spans if s >= b), default=length)
    return lo, hi


def _phrase_window(
    seg: str,
    a: int,
    b: int,
    free: tuple[int, int],
    full_cc: opencc.OpenCC,
    char_cc: opencc.OpenCC,
) -> tuple[int, int]:
    """Widen ``[a, b)`` to the smallest window the phrase config converts differently.

    A diff only shows the characters that changed (程序 -> 程式 changes 序);
    the editor needs the word, so grow the window (within ``free``, never
    into a rule's span) until converting it alone with the phrase config and
    with the character config disagree.
    """
    for grow in range(7):
        for left in range(grow + 1):
            x, y = a - left, b + grow - left
            if x < free[0] or y > free[1]:
                continue
            window = seg[x:y]
            if full_cc.convert(window) != char_cc.convert(window):
                # Extend right while the phrase continues (打印 -> 打印机 = 印表機), as little as
                # that takes (文件 -> 文件名 = 檔名, not 文件名前加).
                for k in (1, 2, 3):
                    if y + k <= free[1]:
                        longer = full_cc.convert(seg[x : y + k])
                        if longer != full_cc.convert(window) + full_cc.convert(seg[y : y + k]):
                            return x, y + k
                return x, y
    return a, b


def _format_entry(entry: AuditEntry) -> str:
    """Format one place as a report line."""
    mark = "ok " if entry.reviewed else "?? "
    if entry.kind == "char":
        what = f"{entry.text}→{entry.opencc} [{entry.candidates}]"
    else:
        what = f"{entry.text}→{entry.opencc}"
    where = f"{entry.line}:{entry.column}"
    context = f"…{entry.before}【{entry.text}】{entry.after}…"
    tail = f"  ({entry.reviewed_by})" if entry.reviewed else ""
    return f"  {mark}{where:>7}  {entry.kind:<6} {what:<16} {context}{tail}"


def _default_rules_path() -> Path:
    """Return docs/editorial/conversion.yml of this checkout."""
    return Path(__file__).resolve().parents[3] / "docs" / "editorial" / "conversion.yml"


RISK_LABELS = {1: "high", 2: "mid ", 3: "low "}


def ranked_lines(entries: Sequence[AuditEntry], limit: int) -> tuple[list[str], int]:
    """The report lines of the places worth an editor's look, riskiest first.

    Places not reviewed with a risk are grouped by (word, OpenCC's output): one line each, at the
    riskiest place, with the variants (TW, HK) and the count; the fix shown is that variant's.  Returns the first ``limit`` lines and how many there were.
    """
    groups: dict[tuple[str, str, str], list[AuditEntry]] = {}
    for e in entries:
        if not e.reviewed and e.risk:
            groups.setdefault((e.kind, e.text, e.opencc), []).append(e)
    ordered = sorted(groups.values(), key=lambda g: (min(e.risk for e in g), g[0].line, g[0].column))
    lines = []
    for group in ordered[:limit]:
        e = min(group, key=lambda e: (e.risk, e.line, e.column))
        variants = ",".join(sorted({x.variant.rsplit("-", 1)[-1] for x in group}, reverse=True))
        places = len({(x.line, x.column) for x in group})
        count = f" ×{places}" if places > 1 else ""
        where = f"{e.line}:{e.column}"
        lines.append(
            f"  {RISK_LABELS[e.risk]} {variants:<5} {where:>7}  {e.text}→{e.opencc}{count}  {e.reason}"
            f"  「{e.sentence}」  fix: {e.fix}"
        )
    return lines, len(ordered)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the audit report for notes given on the command line.

    By default the places worth a look, riskiest first, at most ``--limit`` lines per note, each
    with its sentence and the rule that would fix it; ``--all`` lists every place per variant.

    Args:
        argv: Arguments (without the program name); ``None`` means
            ``sys.argv[1:]``.

    Returns:
        Always 0: the audit informs, it does not gate.
    """
    parser = argparse.ArgumentParser(prog="python -m zhudu.script.audit", description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="+", type=Path, help="Markdown notes to audit")
    parser.add_argument(
        "--rules",
        type=Path,
        default=_default_rules_path(),
        help="conversion.yml to use",
    )
    parser.add_argument("--variant", action="append", help="only this variant code (repeatable)")
    parser.add_argument(
        "--all",
        action="store_true",
        help="list every place OpenCC made a choice, per variant (default: the risky ones, ranked)",
    )
    parser.add_argument(
        "--only-unreviewed",
        action="store_true",
        help="list every place still to review, per variant (implies --all)",
    )
    parser.add_argument("--limit", type=int, default=20, help="lines per note without --all (default 20)")
    args = parser.parse_args(argv)
    args.all = args.all or args.only_unreviewed

    variants = [v for v in DEFAULT_VARIANTS if not args.variant or v.code in args.variant]
    rules = load_rules(args.rules, known_variants=[v.code for v in DEFAULT_VARIANTS])
    totals = [0, 0]
    for note in args.notes:
        body, first_line = split_front_matter(note.read_text(encoding="utf-8"))
        found: list[AuditEntry] = []
        for variant in variants:
            entries = audit(body, variant, rules, str(note), first_line=first_line)
            found.extend(entries)
            reviewed = sum(e.reviewed for e in entries)
            totals[0] += len(entries)
            totals[1] += reviewed
            if not args.all:
                continue
            config = variant.opencc_from_hans
            print(f"== {note} — {variant.code} ({config or 'identity'}) ==")
            for entry in entries:
                if not (args.only_unreviewed and entry.reviewed):
                    print(_format_entry(entry))
            print(f"  {len(entries)} places, {reviewed} reviewed, {len(entries) - reviewed} to review")
        if args.all:
            continue
        lines, groups = ranked_lines(found, args.limit)
        hidden = sum(not e.reviewed and not e.risk for e in found)
        reviewed = sum(e.reviewed for e in found)
        print(f"== {note} ==")
        print("\n".join(lines) if lines else "  nothing to check")
        more = f"; {groups - len(lines)} more lines with --limit" if groups > len(lines) else ""
        print(
            f"  {len(found)} places: {reviewed} covered by rules, {hidden} hidden (OpenCC reliable),"
            f" {groups} to check{more}; --all lists every place"
        )
    print(f"total: {totals[0]} places, {totals[1]} reviewed, {totals[0] - totals[1]} to review")
    return 0


if __name__ == "__main__":
    sys.exit(main())
