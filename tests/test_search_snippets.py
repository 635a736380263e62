"""Where a search result's snippet starts and ends (search-worker.js, ``snippetWindow``), on real sentences.

A long passage shows a window around the first term found; it must start and end where a Chinese reader
accepts a cut (the passage's ends, after a sentence's or a clause's punctuation, at a space, where Han text
meets a Latin word), never inside a Latin word, number or URL nor between a number and its unit, mark the
text left out with an ellipsis, and show quote marks with their pairs. The worker's own functions run in
Chromium, on sentences of the shipped notes (``seeds/``) and the Hexo documentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

WORKER = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "zhudu" / "search-worker.js"

#: seeds/002: a paragraph of 252 characters.
FACTORY = (
    "梗概：这个体系就是让工业模组和原料变成自来水，让组装变成简单入门的搭积木，从而消除脑体分工差别，"
    "人人能设计，人人能组装，通用模块的设计交给ai去优化，降低生产资料的门槛，普发生产资料给所有人。"
    "不同场地气候需求下，用户能自己改共享的设计。其实现在淘宝已经实现了家具diy组装，但是原件通配性不够；"
    "食品已经通配了，种植 畜牧 屠宰 运输已经是标准化了，只在厨房才有自行组装食品。将来金属3d打印和配件组装厂，"
    "可以放在社区和乡镇，DIY组装和塑料3d打印可以放在家庭。这种工业体系所对应的生产关系是后福特主义："
)
#: seeds/002: a quotation that opens before the window and closes at the passage's end.
COMPUTE = (
    "这篇文章认为：“虽然全民免费收入（universal basic income）难以实现，但我们可以实现「全民免费计算 "
    "universal basic compute」。在未来，所有人都可以免费获得 GPT 的算力，可以使用、转售或捐赠……这个想法是，"
    "随着 AI 变得更加先进，并嵌入到我们生活的方方面面，拥有像 GPT-7 这样的大语言模型单元可能比金钱更有价值，"
    "你拥有了部分生产力……”"
)
#: seeds/002: a bracket holding the term, its opener 12 characters before it.
CENTRAL = (
    "我的反驳：这种乐观论调充满欺骗。中心式的ai（云计算）是对普罗大众更悲哀的未来，它犹如周朝国人用青铜刀斧给野人"
    "提供的木制农具修理、中世纪庄园主给农奴用的磨坊，而不像汽车普发了内燃机、手机普发了末段算力。中心式的生产力，"
    "哪怕是免费服务，也是一种依附关系、统治关系，切断供应就能拿捏用户，因而能强迫用户给平台干活（比如在验证码中"
    "无偿打标注、openai封禁所有中国大陆ip的访问、免费的有限体验/推广抢市场→付费的vip功能/收割杀熟）。中心式ai"
    "不能反转无产阶级和资产阶级的力量对比，只有分布式末端ai（个人手机、电脑上离线运算）才能。"
)
#: seeds/001: the data centres' paragraph, as the page shows it (its bold is not text).
DATA_CENTRES = (
    "然而，赌局的另一面，是普通人正在为这场狂欢买单。这些数据中心是真正的“电老虎”和“水老虎”，它们推高了居民的电价，"
    "耗尽了宝贵的水资源。一些原本支持项目的政客开始发现，数据中心除了在建设期带来一些就业，后期维护根本不需要几个人。"
    "当地居民得到的，除了更高的生活成本和一个巨大的噪音源，什么都没有。政治风向正在悄悄转变，"
    "把这些耗能巨兽“离岸”到别的地方去，成了许多人心里的小九九。"
)
#: Hexo's docs-server.md (zh-tw, left in English), with its code span's URL.
SERVER = (
    "Once the server has been installed, run the following command to start the server. Your website will run "
    "at http://localhost:4000 by default. When the server is running, Hexo will watch for file changes and "
    "update automatically so it's not necessary to manually restart the server."
)
#: seeds/001 and Hexo's zh-cn docs-server.md.
DEEPSEEK = (
    "1月27日，AI行业的“军火商”英伟达，股价一天之内蒸发了近6000亿美元，创下了单一股票单日亏损的历史记录。"
)
BURRY = "靠做空赚得盆满钵满的“大空头”迈克尔·贝瑞（Michael Burry）吗？他回来了"
LOCALHOST = "启动服务器。 默认情况下，访问网址为： http://localhost:4000/。"

LATIN = re.compile(r"[!-~\u00c0-\u024f]")
HAN = re.compile(r"[\u3400-\u9fff]")
PAUSES = "。！？!?…，、；：,;:"
OPENERS = "「『“‘（《〈【〔([{"
CLOSERS = "」』”’）》〉】〕)]}"


@pytest.fixture(scope="module")
def worker(browser: Any) -> Iterator[Any]:
    """A blank page running search-worker.js as a script (its functions are globals)."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><meta charset='utf-8'>")
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
    yield page
    context.close()


def snippet(worker: Any, text: str, term: str) -> str:
    """The HTML a result shows for ``text``, ``term`` (its first place) found."""
    at = text.index(term)
    return str(worker.evaluate("([t, a, b]) => snippetHTML(t, [[a, b]])", [text, at, at + len(term)]))


def acceptable(text: str, k: int) -> bool:
    """A cut before ``text[k]`` a reader accepts (an independent statement of the rule)."""
    if k <= 0 or k >= len(text):
        return True
    before, after = text[k - 1], text[k]
    if LATIN.match(before) and LATIN.match(after) and not before.isspace() and not after.isspace():
        return False  # inside a Latin word, number, path or URL
    if before.isspace() or after.isspace():
        return True
    if before in OPENERS or after in CLOSERS or after in PAUSES:
        return False
    if before in PAUSES or before in CLOSERS or after in OPENERS:
        return True
    latin = before if LATIN.match(before) else after if LATIN.match(after) else ""
    return latin.isalpha() and bool(HAN.match(before + after) or HAN.match(after))


def paired(shown: str) -> bool:
    """Every quote mark and bracket shown has its pair in the snippet."""
    return all(shown.count(o) == shown.count(c) for o, c in zip("「『“‘（《", "」』”’）》", strict=True))


def reads_right(shown: str) -> bool:
    """No closing mark is shown without its opener; an opener is left open only where the snippet ends
    with an ellipsis (a quotation longer than the window: the reader sees it go on)."""
    depth = 0
    for ch in shown:
        depth += (ch in "「『“‘（《") - (ch in "」』”’）》")
        if depth < 0:
            return False
    return depth == 0 or shown.endswith("…")


def test_a_long_passage_starts_at_a_sentence_before_the_term(worker) -> None:
    # The window reaches the passage's end: it starts at the earliest sentence it holds.
    assert snippet(worker, FACTORY, "淘宝") == (
        "…不同场地气候需求下，用户能自己改共享的设计。其实现在<mark>淘宝</mark>已经实现了家具diy组装，但是原件通配性不够；"
        "食品已经通配了，种植 畜牧 屠宰 运输已经是标准化了，只在厨房才有自行组装食品。将来金属3d打印和配件组装厂，"
        "可以放在社区和乡镇，DIY组装和塑料3d打印可以放在家庭。这种工业体系所对应的生产关系是后福特主义："
    )
    html = snippet(worker, DATA_CENTRES, "政客")
    assert html.startswith("…一些原本支持项目的<mark>政客</mark>")  # not 「…它们推高了居民的电价，」


def test_the_end_is_a_sentence_or_clause_end_its_comma_giving_way_to_the_ellipsis(worker) -> None:
    html = snippet(worker, DATA_CENTRES, "水资源")
    assert html.startswith("然而，赌局的另一面") and html.endswith("什么都没有。…")
    html = snippet(worker, FACTORY, "工业模组")
    assert html.startswith("梗概：") and html.endswith("用户能自己改共享的设计。…")
    html = snippet(worker, COMPUTE, "算力")  # 「…更有价值，你拥有了…」: the comma gives way
    assert html.startswith("…在未来，") and html.endswith("可能比金钱更有价值…")


def test_no_quote_mark_or_bracket_is_shown_without_its_pair(worker) -> None:
    # The quotation opens 60 characters before the term: the window stays inside it, and its closing
    # 」 (session 34's 「…rsal basic compute」」) and the passage's last ” are not shown alone.
    for term in ("universal basic compute", "GPT-7"):
        shown = re.sub("<[^>]+>", "", snippet(worker, COMPUTE, term))
        assert shown.startswith("…") and "”" not in shown and paired(shown), shown
    assert snippet(worker, COMPUTE, "universal basic compute").startswith(
        "…但我们可以实现「全民免费计算 <mark>universal basic compute</mark>」。"
    )
    # The bracket holding the term is shown whole.
    html = snippet(worker, CENTRAL, "封禁所有")
    assert "（比如在验证码中" in html and paired(re.sub("<[^>]+>", "", html))


def test_a_latin_passage_is_cut_between_words(worker) -> None:
    html = snippet(worker, SERVER, "restart")
    assert html.startswith("…When the server is running, Hexo will watch")
    assert html.endswith("manually <mark>restart</mark> the server.")
    html = snippet(worker, SERVER, "installed")
    assert html.startswith("Once the server") and html.endswith("http://localhost:4000 by default.…")


@pytest.mark.parametrize(
    ("sentence", "cut"),
    [
        (DEEPSEEK, "蒸发了近6000|亿美元"),  # a number and its unit
        (DEEPSEEK, "1月27|日"),
        (DEEPSEEK, "蒸发了近|6000亿美元"),
        (DEEPSEEK, "股价一天|之内"),  # inside a Han run: no boundary the page knows
        (LOCALHOST, "http://local|host"),  # a URL
        (LOCALHOST, "http:|//localhost"),
        (LOCALHOST, "localhost:4000|/"),
        (LOCALHOST, "访问网址为|："),  # before a pause mark
        (DATA_CENTRES, "真正的“|电老虎"),  # after an opening quote mark
        (DATA_CENTRES, "“电老虎|”"),  # before a closing one
        (BURRY, "迈克尔|·贝瑞"),
        (BURRY, "迈克尔·|贝瑞"),  # a name's middle dot
        (SERVER, "inst|alled"),
    ],
)
def test_no_cut_inside_a_word_number_url_or_pair(worker, sentence: str, cut: str) -> None:
    k = sentence.index(cut.replace("|", "")) + cut.index("|")
    assert worker.evaluate("([t, k]) => cutStrength(t, k)", [sentence, k]) == 0


@pytest.mark.parametrize(
    ("sentence", "cut", "strength"),
    [
        (DATA_CENTRES, "什么都没有。|政治风向", 3),
        (LOCALHOST, "启动服务器。 |默认", 3),
        (DATA_CENTRES, "居民的电价，|耗尽了", 2),
        (LOCALHOST, "访问网址为：|", 2),
        (CENTRAL, "在验证码中无偿打标注、|openai", 2),
        (CENTRAL, "openai|封禁", 1),  # Han meets a Latin word
        (SERVER, "the |server", 1),
    ],
)
def test_cuts_at_punctuation_spaces_and_script_changes(
    worker, sentence: str, cut: str, strength: int
) -> None:
    k = sentence.index(cut.replace("|", "")) + cut.index("|")
    assert worker.evaluate("([t, k]) => cutStrength(t, k)", [sentence, k]) == strength


def test_every_window_of_real_passages_starts_and_ends_where_a_reader_accepts(worker) -> None:
    """Every term place in each passage, with windows of 40 to 200 characters (the worker's is 160)."""
    texts = [FACTORY, COMPUTE, CENTRAL, DATA_CENTRES, SERVER]
    windows = worker.evaluate(
        """texts => {
          const out = [], kept = [SNIPPET_CHARS, SNIPPET_LEAD];
          for (let size = 40; size <= 200; size += 20) {
            SNIPPET_CHARS = size;
            SNIPPET_LEAD = Math.round(size * 0.3);
            texts.forEach((t, i) => {
              for (let a = 0; a + 2 <= t.length; a += 3) out.push([i, a, size, snippetWindow(t, a, a + 2)]);
            });
          }
          [SNIPPET_CHARS, SNIPPET_LEAD] = kept;
          return out;
        }""",
        texts,
    )
    assert len(windows) > 2000
    fallbacks = 0
    for i, at, size, (start, end) in windows:
        text = texts[i]
        assert start <= at and end >= at + 2, (text[:20], at, size)
        if not acceptable(text, start):
            fallbacks += 1  # no boundary within reach: the window starts at the term itself
            assert start == at, (text[start - 8 : start], text[start : start + 8])
        assert acceptable(text, end), (text[end - 8 : end], text[end : end + 8], size)
        assert end - start <= size + 40
    assert fallbacks < 0.02 * len(windows)


def test_short_passages_are_whole_and_marks_escaped(worker) -> None:
    assert snippet(worker, DEEPSEEK, "6000亿") == (
        "1月27日，AI行业的“军火商”英伟达，股价一天之内蒸发了近<mark>6000亿</mark>美元，创下了单一股票单日亏损的历史记录。"
    )
    long = "在 <code> 里写 a<b 的代码，" * 12
    html = snippet(worker, long, "a<b")
    assert "<mark>a&lt;b</mark>" in html and "<code>" not in html


#: Cantonese written without a pause for over 160 characters, with characters outside the BMP (𨋢, lift; 𠵱, now),
#: two UTF-16 code units each: a window with no boundary within reach ends where its length runs out.
UNPUNCTUATED_HK = "佢哋話大廈部𨋢𠵱壞咗要行樓梯落街" * 16


def test_a_window_without_a_boundary_never_splits_a_character(worker) -> None:
    """A snippet holds no half of a surrogate pair (a lone one shows as �)."""
    shown = worker.evaluate(
        """text => {
          const out = [];
          for (let a = 0; a + 2 <= text.length; a++) {
            if (/[\\udc00-\\udfff]/.test(text.charAt(a))) continue;
            const b = text.codePointAt(a) > 0xffff ? a + 2 : a + 1;  /* the term: one character */
            out.push(snippetHTML(text, [[a, b]]));
          }
          return out;
        }""",
        UNPUNCTUATED_HK,
    )
    assert len(shown) > 200
    lone = re.compile("[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]")
    assert [html for html in shown if lone.search(html)] == []


# --------------------------------------------------------------------------- a query's readings (same worker)

#: The Hexo build's aliases around 除錯訊息 (session 44): the Traditional note's 除錯 reads 调试 (from-hant rules),
#: its 訊息 stays 讯息, which the notes hold, so 讯息 → 消息 is ambiguous; 除错讯 → 调试消 is a phrase's piece.
_READINGS_JS = """q => {
  const alias = {"除錯": ["调试", 0], "除错": ["调试", 0], "除错讯": ["调试消", 0], "訊息": ["消息", 0],
                 "讯息": ["消息", 1], "軟體": ["软件", 0], "软体": ["软件", 0]};
  const fold = {"錯": "错", "訊": "讯", "軟": "软", "體": "体"};
  Object.assign(ALIAS, alias); Object.assign(FOLD, fold); ALIAS_MAX = 3;
  try { return readings(q).map(r => r.text); }
  finally { Object.keys(alias).forEach(k => delete ALIAS[k]); Object.keys(fold).forEach(k => delete FOLD[k]);
            ALIAS_MAX = 0; }
}"""


def test_a_taiwan_query_is_also_read_with_the_words_the_notes_hold_kept(worker) -> None:
    """除錯訊息 typed on a site where the Taiwan note now reads 调试讯息: read all the mainland way (调试消息)
    and, besides, with 讯息 kept (调试讯息), not cut by the phrase piece 除错讯; a query without such a word
    gets no third reading."""
    assert worker.evaluate(_READINGS_JS, "除錯訊息") == ["除错讯息", "调试消息", "调试讯息"]
    assert worker.evaluate(_READINGS_JS, "軟體") == ["软体", "软件"]


_OWN_ENTRY_JS = """() => {
  const hit = (score, ctext, ref) => ({hit: {score: score}, ref: ref, p: {ctext: ctext}});
  const hits = [hit(9, "60%都花在了英伟达那些昂贵的gpu上", false),
                hit(3, "英伟达 又作:nvidia、辉达 美国芯片公司,以 gpu 闻名", true),
                hit(2, "gpu 又作:显卡、图形处理器 图形处理器(graphics processing unit)", true),
                hit(2.5, "大模型 又作:大语言模型 训练需要大量 gpu", true)];
  ownEntryFirst(hits, "gpu");
  const byAlias = [hit(2, "大模型 又作:大语言模型 如 deepseek 系列", true), hit(1, "deepseek 又作:深度求索 杭州", true)];
  ownEntryFirst(byAlias, "深度求索");
  return [hits.map(h => h.hit.score), byAlias.map(h => h.hit.score)];
}"""


def test_a_query_naming_a_glossary_term_puts_its_entry_first_among_the_entries(worker) -> None:
    """GPU's own entry came fifth among the glossary's (after entries mentioning GPU), 深度求索 (DeepSeek's
    alias) second: a query that is an entry's term or alias puts the entry just above the glossary's best,
    never above a note's passage."""
    (gpu, alias) = worker.evaluate(_OWN_ENTRY_JS)
    assert gpu[0] == 9 and gpu[1] == 3 and gpu[3] == 2.5, gpu
    assert 3 < gpu[2] < 9, gpu
    assert alias[0] == 2 and 2 < alias[1] < 9, alias


_TITLE_JS = """([title, term]) => {
  const saved = [SHARDS, BASE];
  SHARDS = {b: [1, "b"]}; BASE = "/";
  const url = shardURL("b", "数据");
  LOADED[url] = {f: {"数据": ["资料"], "设备": ["装置"]}};
  const fold = {"資": "资", "與": "与", "雲": "云", "還": "还", "邊": "边", "裝": "装", "們": "们"};
  Object.assign(FOLD, fold);
  try { return titleRanges(title, {hit: {found: [{term: {text: term}}], x: null}}); }
  finally { delete LOADED[url]; SHARDS = saved[0]; BASE = saved[1]; Object.keys(fold).forEach(k => delete FOLD[k]); }
}"""


def test_a_title_found_across_its_regional_words_shows_them_marked(worker) -> None:
    """The Taiwan theme title 資料中心與雲，還是身邊的裝置 typed the mainland way (数据中心与云) was found
    (canonically) and then dropped: the term has no form of its own to mark.  Its words' forms make one."""
    assert worker.evaluate(_TITLE_JS, ["資料中心與雲，還是身邊的裝置", "数据中心与云"]) == [[0, 6]]
    assert worker.evaluate(_TITLE_JS, ["資料中心與雲，還是身邊的裝置", "身边的设备"]) == [[9, 14]]
    assert worker.evaluate(_TITLE_JS, ["一般使用者", "通用"]) == []


def test_an_editors_note_in_a_snippet_is_a_labelled_part_of_its_own(worker) -> None:
    """A passage's text reads its editor's note after the author's words; the snippet sets the note's words apart
    (a span zhudu.css labels 注), escaped, a term found in either marked where it is (session 46 — hl)."""
    text = "精度可商用的3D打印机 入门级 <FDM> 3D 打印机的价格已降到 200 美元左右。"
    note = [text.index("入门级"), len(text)]
    html = worker.evaluate(
        "([t, r, n]) => snippetHTML(t, r, [n])",
        [text, [[8, 11], [text.index("打印机", 12), text.index("打印机", 12) + 3]], note],
    )
    assert html == (
        "精度可商用的3D<mark>打印机</mark> "
        '<span class="zd-search-note" data-zd-text="注">入门级 &lt;FDM&gt; 3D <mark>打印机</mark>'
        "的价格已降到 200 美元左右。</span>"
    )
