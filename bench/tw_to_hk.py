"""A Taiwan-written note's Hong Kong page (issue 25): Traditional text of Taiwan, shown on the zh-Hant-HK site.

``bench_conversion.py --direction from-hant --to zh-Hant-HK`` prints these figures (``--set tw-to-hk``, the default
there, or any from-hant set's Taiwan sentences with a ``zh-Hant-HK`` label).  The source is the ``zh-Hant-TW``
sentence, the expected output its ``zh-Hant-HK`` sentence as a careful Hong Kong editor writes it (``also-hk``: a
second right form); measures per 1,000 Han characters of the source, as ``bench_conversion``'s.

Converters: ``tw2sp+s2hkp`` (plain OpenCC: Taiwan's phrases into the mainland's, then the mainland's into Hong
Kong's), ``t2hk`` (OpenCC, characters only: the author's words all kept), and ``zhudu`` as the site writes the note's
Hong Kong page: the note folded into Simplified by ``Site.fold_for`` (a ``lang: zh-TW`` note's region), its body's
HTML (``Converter.html``: the author's words the layer rewrote kept as ``span.zd-conv`` groups), then the zh-Hant-HK
page converter (``Site.converter("zh-Hant-HK")``) over that HTML, read back as text.  The site's converters are made
by ``publish.site_scripts.SiteScripts`` itself (``BenchSite`` below gives it a build's settings): no second
converter.  ``zhudu`` is measured with the site's domain general (``--domain-mode general``, what a build without
software notes converts with), the whole set's (``site``: one build of all its documents), or each sentence in its
document's (``--domains``).

Figures: **wrong** (clear-cut wrong words, ``bench_conversion.wrong_words``) and **left** (``TAIWAN_ONLY``'s words
left that the expected sentence does not have: Taiwan's words a Hong Kong editor changes).

``--to zh-Hant-TW`` measures the mirror, a Hong Kong-written note's Taiwan page (``--set hk-to-tw``: the
``zh-Hant-HK`` sentence, its ``zh-Hant-TW`` label, ``also-tw``; ``hk2s+s2twp`` and ``hk2t+t2tw`` beside Zhudu's
``lang: zh-HK`` fold and zh-Hant-TW page; left: ``HONG_KONG_ONLY``'s words).
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import bench_conversion as bc

from zhudu.publish import conversion_domain
from zhudu.publish.site_scripts import SiteScripts
from zhudu.script import variants

SETS = {"tw-to-hk": bc.ROOT / "tests" / "conversion_tw_to_hk.yml"}
#: The mirror's set (``--to zh-Hant-TW``): Hong Kong text with its Taiwan form.
MIRROR_SETS = {"hk-to-tw": bc.ROOT / "tests" / "conversion_hk_to_tw.yml"}

#: Taiwan's words, as Taiwan writes them, that a Hong Kong editor puts Hong Kong's way (軟體 → 軟件, 網路 → 網絡).
TAIWAN_ONLY = (  # noqa: SIM905  (a word list reads better as one string)
    "軟體 硬體 網路 列印 印表機 滑鼠 硬碟 位元組 位元 記憶卡 數位 類比 部落格 解析度 影音 光碟機 隨身碟 螢幕 "
    "義大利 紐西蘭 雪梨 寮國 柬埔寨 肯亞 賴索托 史瓦帝尼 吉里巴斯 諾魯 帛琉 索羅門 模里西斯 千里達 巴貝多 "
    "迦納 甘比亞 衣索比亞 厄利垂亞 葉門 阿曼 沙烏地 克羅埃西亞 斯洛維尼亞 喬治亞 亞塞拜然 賽普勒斯 "
    "聖克里斯多福 多米尼克 格瑞那達 宏都拉斯 瓜地馬拉 貝南 尼日 馬利 查德 蒲隆地 波札那 辛巴威 尚比亞 "
    "坦尚尼亞 獅子山 馬爾地夫 突尼西亞 茅利塔尼亞 塞席爾 索馬利亞 阿拉伯聯合大公國"
).split()

#: Hong Kong's words, as Hong Kong writes them, that a Taiwan editor puts Taiwan's way (軟件 → 軟體, 網絡 → 網路).
HONG_KONG_ONLY = (  # noqa: SIM905  (a word list reads better as one string)
    "軟件 硬件 網絡 打印 鼠標 屏幕 用戶 鏈接 信息 視頻 默認 菜單 窗口 數據 闊度 字符 兼容 內置 "
    "埃塞俄比亞 尼日利亞 索馬里 新幾內亞 哥斯達黎加 圭亞那 斯洛文尼亞 塔吉克斯坦 烏茲別克斯坦 聖基茨 聖文森特 "
    "坦桑尼亞 酋長國 也門 莫桑比克 土庫曼斯坦 意大利 新西蘭 老撾 克羅地亞 塞浦路斯 肯尼亞 津巴布韋 贊比亞"
).split()

#: Per page measured (``--to``): the source region, its sentence's key, the also- key, the words left, plain OpenCC.
DIRECTIONS = {
    "zh-Hant-HK": ("TW", "zh-Hant-TW", "also-hk", TAIWAN_ONLY, ("tw2sp+s2hkp", "t2hk")),
    "zh-Hant-TW": ("HK", "zh-Hant-HK", "also-tw", HONG_KONG_ONLY, ("hk2s+s2twp", "hk2t+t2tw")),
}

_TAG = re.compile(r"<[^>]*>")


class BenchSite(SiteScripts):
    """``Site``'s conversion with a build's settings: the default variants, the shipped editor's rules, one domain."""

    def __init__(self, domain: str) -> None:
        self.settings = SimpleNamespace(conversion_domain="auto")  # type: ignore[assignment]
        self.variant_configs = _shipped_variants()
        self.decided_domain = conversion_domain.SiteDomain(domain, "bench")
        self.editorial_dir = bc.RULES_FILE.parent
        first = self.variant_configs[0]
        self.default = variants.VariantInfo(
            first["code"], first["name"], first["prefix"], "zh", first["script"]
        )
        self.display = str


def _shipped_variants() -> list[dict[str, str]]:
    """The variants the project's ``mkdocs.yml`` configures (``extra.zhudu.variants``)."""
    text = (bc.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = text.split("\n    variants:\n", 1)[1].splitlines()
    block = itertools.takewhile(lambda line: line.startswith("      "), lines)  # its items, indented deeper
    return list(bc.yaml.safe_load("\n".join(block)))


@functools.cache
def site(domain: str) -> BenchSite:
    """The site converting with ``domain`` (one per domain: its converters remember what they converted)."""
    return BenchSite(domain)


def hong_kong_page(text: str, domain: str, region: str | None = "TW") -> str:
    """``text`` as a ``lang: zh-<region>`` note's Hong Kong page shows it in its body (a paragraph's text)."""
    return variant_page(text, domain, region, "zh-Hant-HK")


def variant_page(text: str, domain: str, region: str | None, variant: str) -> str:
    """``text`` as a ``lang: zh-<region>`` note's ``variant`` page shows it in its body (a paragraph's text)."""
    built = site(domain)
    folded = built.fold_for(SimpleNamespace(region=region, domain=None)).html(
        f"<p>{html.escape(text, quote=False)}</p>"
    )
    page = built.converter(variant).html(folded)
    return html.unescape(_TAG.sub("", page))


@functools.cache
def converters(to: str = "zh-Hant-HK") -> dict[str, Callable[[str], str]]:
    """The plain conversions compared, by name (``zhudu``'s are ``variant_page``'s, per domain): OpenCC's chains."""
    chains = [name.split("+") for name in DIRECTIONS[to][4]]
    made = [[bc.opencc_converter(step).convert for step in chain] for chain in chains]
    return {
        "+".join(chain): functools.partial(functools.reduce, lambda text, step: step(text), steps)  # type: ignore[misc]
        for chain, steps in zip(chains, made, strict=True)
    }


def measure(
    entries: list[dict[str, object]], mode: str = "general", show: str | None = None, to: str = "zh-Hant-HK"
) -> dict[str, dict[str, float]]:
    """Figures per converter for the entries' other-region sentences on that region's note's ``to`` page."""
    region, source, also_key, only_words, _ = DIRECTIONS[to]
    rows = [e for e in entries if source in e and to in e]
    han = sum(bc.han_count(str(e[source])) for e in rows)
    of_entry = bc.source_domains(rows, mode, source)
    made: dict[str, Callable[[dict[str, object]], str]] = {
        name: functools.partial(lambda c, e: c(str(e[source])), convert)
        for name, convert in converters(to).items()
    }
    made["zhudu"] = lambda e: variant_page(str(e[source]), of_entry[id(e)], region, to)
    return {
        name: bc.tally(
            rows,
            han,
            lambda e, expected, convert=convert: bc.accept_alternatives(
                convert(e), expected, e.get(also_key)
            ),  # type: ignore[arg-type]
            lambda e: str(e[to]),
            only_words,
            "left",
            show == name,
        )
        for name, convert in made.items()
    }


def report(
    set_names: list[str], mode: str, show: str | None, sets: dict[str, Path], to: str = "zh-Hant-HK"
) -> None:
    """Print each set's figures (``sets``: name → file) for its other region's sentences on the ``to`` page."""
    source = DIRECTIONS[to][1]
    for set_name in set_names:
        figures = measure(bc.load_review(sets[set_name]), mode, show, to)
        first = next(iter(figures.values()))
        if not first["sentences"]:
            continue
        print(
            f"{set_name} {source} → {to}: {first['sentences']} sentences, {first['han']} Han characters"
            f" (domain mode {mode})"
        )
        print(f"  {'converter':<12} {'wrong':>6} {'/1000':>7} {'left':>7} {'/1000':>7}")
        for name, f in figures.items():
            print(
                f"  {name:<12} {f['wrong']:>6} {f['wrong_per_1000']:>7.2f} {f['left']:>7} {f['left_per_1000']:>7.2f}"
            )
