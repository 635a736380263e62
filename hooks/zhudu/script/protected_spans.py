"""Protection of spans: what must come out of OpenCC exactly as it went in.

One compiled pattern per rules object and variant finds, left to right, URLs, e-mail addresses,
@handles, rule phrases / protected terms (longest first, through a character trie) and runs of
ASCII.  The converter replaces every rule phrase and protected term, and every URL-like token that
contains non-ASCII text, by a single private-use placeholder from Unicode plane 15; because a
placeholder belongs to no dictionary entry, OpenCC can neither convert the protected text nor let a
neighbouring phrase swallow one of its characters (the boundary errors of forward maximum
matching).  Afterwards the placeholders are replaced by the exact outputs.

Placeholders use plane 15 (U+F0000…) and never U+E000–U+E0FF, which other code of the site uses as
markers and which pass through untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from zhudu.annotate.textmarks import trie_source
from zhudu.script.editor_rules import ConversionRules

__all__ = ["PH_BASE", "PH_MAX", "PH_RE", "PLANE15_RE", "SEP", "Matcher", "matcher_for"]


# Plane-15 private-use characters: the segment separator and placeholders.
# (U+E000–U+E0FF belong to other code of the site and must pass through.)
SEP = "\U000f0000"
PH_BASE = 0xF0001
PH_MAX = 0xFFFFD - PH_BASE
PH_RE = re.compile("[\U000f0001-\U000ffffd]")
#: The separator's and the placeholders' plane: where a note writes one of its characters, it is held in a
#: placeholder of its own (a U+F1234 written in a note stood for a protected word, or stopped the build).
PLANE15_RE = re.compile("[\U000f0000-\U000fffff]")

# Tokens that must come out exactly as they went in.  Scheme URLs may carry non-ASCII paths (IRIs such as
# Wikipedia links), so they end only at spaces, markup, quotes or CJK punctuation, or at a ``)`` or ``]`` they did
# not open, where the notes' links end too (``notes/bare_urls``: "(https://example.com)软件说明" keeps 软件说明 as
# text; ".../Python_(编程语言)" and an unclosed "…/软件(设置" stay whole).  Bare domains are ASCII only, so that
# "b23.tv/abc之后" keeps 之后 as text.  A handle may be written in Han characters (a Weibo or WeChat name,
# "@阮一峰的网络日志"): it ends at a space or punctuation, as those sites end a mention, and is what a reader
# types, so it stays as written; but a Latin name ends where a word that starts no name follows it
# (``_AFTER_A_NAME``: "@elonmusk说了", as a clipped X thread writes it, where 说了 is the sentence's).  So does an e-mail address, its domain's labels in Han too (user@例子.中国), its
# name in ASCII only: nothing tells where a name of Han starts in Chinese text that runs on into it (联系软件开发组@例子.公司
# would keep 联系软件开发组 as written), so a run of Han before an @ converts as text.
_URL_CHAR = r"""[^\s<>"'()\[\]\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\U000f0000-\U0010ffff]"""
#: A bracket a URL opened, what it holds (one bracket deep) and its closer if the URL closes it.
_URL_BRACKETED = "|".join(
    rf"\{opener} (?: {_URL_CHAR} | \( {_URL_CHAR}* \) | \[ {_URL_CHAR}* \] )* \{closer}?"
    for opener, closer in ("()", "[]")
)
#: The Han characters a handle or an address's domain's labels may be written in.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
#: Words that go on a sentence after a Latin @name and start no part of one: verbs of saying and posting,
#: particles and function words, in Simplified and Traditional.  X, GitHub or Mastodon names are ASCII only, and a
#: Weibo name that mixes Latin and Han goes on with a noun (@Linux中国, @BBC中文网), which stays whole.
_AFTER_A_NAME = (
    "说|說|的|了|在|和|与|與|及|是|也|都|就|还|還|又|把|被|给|給|对|對|向|跟|曾|已|将|將|则|則|却|卻|称|稱|等|们|們"
    "|这|這|那|发文|發文|发推|發推|发帖|發帖|转发|轉發|转推|轉推|回复|回覆|回应|回應|表示|认为|認為|指出|写道|寫道"
    "|提到|透露|强调|強調|宣布|宣佈|发布了|發布了|發佈了|今天|昨天|刚刚|剛剛|最近|此前|之前|之后|之後"
)
#: Top-level domains written in Han: every one in the ICANN section of the Public Suffix List (Debian's
#: publicsuffix 20230209; Chinese and Japanese), where an address's domain with Han labels ends, in Chinese text
#: that goes on right after it (user@例子.中国后来: 后来 is the sentence's).  Longest first: one starts another.
_HAN_TLDS = (
    "嘉里大酒店|组织机构|電訊盈科|香格里拉|中文网|亚马逊|天主教|我爱你|新加坡|淡马锡|飞利浦|世界|中信|中国|中國"
    "|企业|佛山|信息|健康|八卦|公司|公益|台湾|台灣|商城|商店|商标|嘉里|在线|大拿|娱乐|家電|广东|微博|慈善|手机|招聘"
    "|政务|政府|新闻|时尚|書籍|机构|游戏|澳門|澳门|点看|移动|网址|网店|网站|网络|联通|臺灣|谷歌|购物|通販|集团|食品"
    "|餐厅|香港"
)
#: An internationalised domain (例子.中国, mail.例子.com; example.com too): labels of letters, digits, hyphens and Han,
#: then a Latin top-level domain or a Han one.
_IDN_DOMAIN = f"(?: [A-Za-z0-9{_HAN}-]+ \\. )+ (?: {_HAN_TLDS} | [A-Za-z]{{2,}} )(?![A-Za-z0-9-])"
_PROTECT_SOURCE = (
    r"""
    (?P<url>
        (?:https?|ftp)://
        (?: """
    + _URL_CHAR
    + " | "
    + _URL_BRACKETED
    + r""" )+
    )
  | (?P<email>
        [A-Za-z0-9._%+-]+ @ (?: """
    + _IDN_DOMAIN
    + r""" )
      | [A-Za-z0-9._%+-]+ @ [A-Za-z0-9-]+ (?:\.[A-Za-z0-9-]+)+
    )
  | (?P<domain>
        (?<![A-Za-z0-9@.-]) (?:www\.)? (?:[A-Za-z0-9-]+\.)+ [A-Za-z]{2,}
        (?: / [!-~]* )?
    )
  | (?P<handle> (?<![A-Za-z0-9_]) @ (?: [A-Za-z0-9_-]{1,30} (?="""
    + _AFTER_A_NAME
    + """) | [A-Za-z0-9_"""
    + _HAN
    + """-]{1,30} ) )
"""
)
# Runs of ASCII letters/digits are consumed whole so that a rule phrase can
# never start inside a Latin word or number.
_ASCII_RUN_SOURCE = r"(?P<ascii> [A-Za-z0-9_]+ )"
_ASCII_END = "(?![A-Za-z0-9_])"
#: Every character a match of ``_PROTECT_SOURCE`` or ``_ASCII_RUN_SOURCE`` can start with (a URL's
#: h or f, an e-mail address's or a domain's first character, a handle's @, an ASCII run's).
TOKEN_STARTS = "A-Za-z0-9._%+\\-@"


def _trie_pattern(words: Iterable[str]) -> str:
    """Build a regex source matching any of ``words``, longest first (``textmarks.trie_source``).

    A word that ends in an ASCII letter or digit must not be followed by another one.
    """
    return trie_source(
        words, end=lambda last: _ASCII_END if last.isascii() and (last.isalnum() or last == "_") else ""
    )


@dataclass(frozen=True)
class Matcher:
    """A compiled per-variant token pattern and the outputs of its rules."""

    pattern: re.Pattern[str]
    outputs: Mapping[str, str]
    #: The tokens that are phrase outputs read backwards (``ConversionRules.phrases_back``).
    back: frozenset[str] = frozenset()


def matcher_for(
    rules: ConversionRules, code: str, with_phrases: bool, back_from: tuple[str, ...] = ()
) -> Matcher:
    """Return the cached matcher for ``rules`` applied to variant ``code``.

    ``back_from``: Traditional variants whose phrase outputs a Traditional text turns back into their sources.
    """
    key = ("matcher", code, with_phrases, back_from)
    cached = rules._cache.get(key)
    if cached is None:
        outputs: dict[str, str] = dict(rules.phrases_for(code)) if with_phrases else {}
        back = rules.phrases_back(back_from)
        outputs.update(back)
        outputs.update({term: term for term in rules.protected})
        trie = _trie_pattern(outputs)
        source = _PROTECT_SOURCE
        if trie:
            source += "| (?P<rule>" + trie + ")\n"
        source += "|" + _ASCII_RUN_SOURCE
        # Where no match can start (most places of Chinese text) one character check fails, instead of
        # every alternative and its lookbehinds (a quarter of the time on a site's text, the same matches).
        starts = TOKEN_STARTS + re.escape("".join(sorted({word[0] for word in outputs})))
        source = f"(?=[{starts}])(?:{source})"
        cached = Matcher(re.compile(source, re.VERBOSE), MappingProxyType(outputs), frozenset(back))
        rules._cache[key] = cached
    return cached
