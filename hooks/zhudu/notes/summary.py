"""What the build derives from a note's text: its article text, summary and whether a title is a placeholder.

Split from ``corpus`` (which re-exports these names).
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from zhudu.notes import body as body_mod
from zhudu.notes import emphasis_text
from zhudu.notes.meta import Author, profile_url
from zhudu.notes.page_ids import ATX_TEXT
from zhudu.script.han import HAN_RE

_LATIN_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_HTML_TAG_RE = re.compile(r"<[^>\n]+>")
_HEADING_LINE_RE = re.compile(r"^(?P<hashes>#{1,6})" + ATX_TEXT)
#: A Jekyll post's date before its name (``2023-03-05-读书.md``): Jekyll titles the post by the rest.
_JEKYLL_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-(?=.)")
#: File names a page bundle or a folder's page goes by (Hugo, GitHub): the folder names the note.
_FOLDER_PAGE_STEMS = {"index", "_index", "readme"}
_WRAPPER_RE = re.compile(r"<(aside|details) class=\"zd-wrapper.*?</\1>", re.DOTALL)
_MD_LINK_RE = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
#: A reference definition (``[hexo-server]: https://…``) and the reference forms that use one:
#: ``[text][label]``, ``[text][]`` and ``[text]`` (images too, ``![alt][label]``), each shown as its text.
_REF_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*\S.*$", re.MULTILINE)
_MD_REF_LINK_RE = re.compile(r"!?\[(?P<text>[^\]\n]*)\](?:[ ]?\[(?P<label>[^\]\n]*)\])?")
#: Footnotes (``[^1]`` and their ``[^1]: …`` definitions) are not the summary's words: a reference
#: would otherwise read as a reference link (``^1``) and a definition as its text.
_FOOTNOTE_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[\^[^\]\n]+\]:.*$", re.MULTILINE)
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\n]+\]")
_MD_NOISE_RE = re.compile(r"\*+|`+|^[ \t]*[>#]+[ \t]*|\|", re.MULTILINE)
#: ``~~struck~~`` as pymdownx.tilde strikes it (no space inside either pair): its tildes are markup.  A
#: Chinese writer's lone ``谢谢~~`` or ``好的~~~`` is the author's text, shown as written on the page.
_STRUCK_RE = re.compile(r"(?<!~)~~(?![\s~])(?P<text>[^\n]*?[^\s~])~~(?!~)")
#: A list item's marker (and a task's box) is syntax: a note opening with a list (a Logseq page is one)
#: was described as "- 《长尾理论》 - 《人类简史》".  Each becomes ``_ITEM_BREAK``, a space in the summary,
#: so two items' words are not run together as a wrapped line's are (``summarise``).
_LIST_MARKER_RE = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.MULTILINE)
_ITEM_BREAK = "\ue000"
#: How much of a paragraph a summary reads for its emphasis (``_unemphasised``): far more than it shows, so an
#: emphasis the summary shows is closed within it.
_SUMMARY_READ = 4000
#: Where one paragraph (or list item) of the page ends and another starts (``_unemphasised``).
_PARAGRAPH_BREAK_RE = re.compile(f"(\n[ \t]*\n|{_ITEM_BREAK})")
#: ``-{text}-`` and ``-{zh-Hans:text;…}-`` inline conversion rules: a summary keeps the default text.
_INLINE_RULE_RE = re.compile(r"-\{(?:[^{}]*?zh-Hans\s*:\s*(?P<hans>[^;{}]*)[^{}]*|(?P<text>[^{}]*))\}-")
#: Titles a tool gives a note whose author gave none (``looks_like_placeholder``).  Each branch
#: is a shape no author's title has: a word like "Writing" or "Front-matter" is a real title, in
#: English as in any language, and never matches.
_PLACEHOLDER_TITLE_RE = re.compile(
    r"""^(?:
        (?P<untitled>(?i:untitled|new[ ]note|无标题|無標題|未命名|新建文本文档|新建文件)
                     (?:[ _-]*\(?\d{1,4}\)?)?)                           # Untitled, Untitled 2
      | (?P<date>\d{4}[-_./年]?\d{1,2}[-_./月]?\d{1,2}日?
                 (?:[ T_-]?\d{1,2}[:._-]?\d{2}(?:[:._-]?\d{2})?)?)        # 2023-03-23, 20230323 1405
      | (?P<number>\d+)                                                  # 002
      | (?P<hash>(?=[\w.-]*\d)[A-Za-z0-9]*[_.-]?[0-9a-fA-F]{8,})           # 002_b47107d45cc7a228
      | (?P<glued>\d{3,}[A-Za-z]+\d*|[A-Za-z]+[_-]?\d{3,})                # 1121tech, img_0042
      | (?P<stem>[a-z0-9]+(?:[-_.][a-z0-9]+)+)                             # docs-writing, my_note
    )$""",
    re.VERBOSE,
)
_SENTENCE_END = "。！？!?；;"
_SENTENCE_RE = re.compile(rf"[^{_SENTENCE_END}]*(?:[{_SENTENCE_END}]+|$)")
_CJK_CLASS = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]"
#: Around a note's inline code while a summary is made (``summary_and_code``): noncharacters, which no note holds
#: (``notes/limits.py`` replaces them).
_CODE_OPEN, _CODE_CLOSE = "\ufdd8", "\ufdd9"
_CODE_MARKS = f"{_CODE_OPEN}{_CODE_CLOSE}"
#: A line break of the source between two Chinese characters or marks: joined without a space (a space the author
#: wrote on one line, 经济 政治 文化, is the author's and stays).  Beside a code mark, as beside the code's character.
_CJK_LINE_BREAK_RE = re.compile(
    rf"(?<={_CJK_CLASS})(?P<before>[{_CODE_MARKS}]*)[ \t]*\n\s*(?P<after>[{_CODE_MARKS}]*)(?={_CJK_CLASS})"
)
#: A space before a full-width closing mark (``设置 folder ，Hexo``): a card's line could start with the mark.
_SPACE_BEFORE_CLOSING_RE = re.compile(r"\s+(?=[，。、；：！？）」』》〉】〕”’])")
#: A space after a full-width sentence or clause mark (``桥梁。 它注册``, a translator's habit): the mark's square
#: already holds its space, so a card showed an em and a space, a gap in the sentence.
_SPACE_AFTER_FULL_WIDTH_RE = re.compile(r"(?<=[，。、；：！？])\s+")
#: Blocks a summary joins after one of these read apart already (the mark's square holds the gap); after anything
#: else (a list item's last word, a line with no mark) a space parts them, as it parts a list's items.
_FULL_WIDTH_BREAK = ("，", "。", "、", "；", "：", "！", "？", "…")


#: What a summary leaves out of a note's Markdown, being no sentence of it: fenced code, a table (its
#: header, delimiter row and rows: the cells' words joined with "---------" read as nonsense on a card),
#: and the label of an embedded player (``dialect_markdown.embed_link``: 「嵌入内容（外部链接）：」).
#: A fence line: its run of backticks or tildes and the rest (an opener's info string; nothing for a closer).
_FENCE_LINE_RE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})(?P<rest>.*)")
# A row's first "|" is found by a class without "|": a line of many "|" and no delimiter row after it is
# rejected in one pass, not by trying every split of it.
_TABLE_RE = re.compile(
    r"""^[^\n|]*\|[^\n]*\n                         # the header row
        (?=[^\n]*\|)[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\n|$)  # the delimiter row
        (?:[^\n|]*\|[^\n]*(?:\n|$))*                # the body rows""",
    re.MULTILINE | re.VERBOSE,
)
_EMBED_RE = re.compile(r'<span class="zd-embed">.*?</span>', re.DOTALL)
#: The build's stand-ins for what a page cannot show (a missing image, a template tag it cannot render, a file
#: it does not publish: ``zd-body.html`` ``missing_image``, ``zd-dialect.html`` ``unshown``): the build's words
#: and the tag or file as written (a missing image's label alone), none of them the author's prose (the label,
#: then the code, in one span).
_STAND_IN_RE = re.compile(
    r'<span class="zd-(?:missing-image|unknown-tag|unpublished)\b[^"]*"[^>]*>'
    r'<span class="[^"]*__label">[^<]*</span>(?: <code[^>]*>[^<]*</code>)?</span>'
)
#: A Dataview query's stand-in (``zd-dialect.html`` ``dataview_query``): the build's words, not the author's.
_QUERY_RE = re.compile(
    r'<(p|span) class="zd-dataview"[^>]*><span class="zd-dataview__label">[^<]*</span>[^<]*</\1>'
)
#: A Dataview field on a line of its own (``dataview``: ``作者:: 司马迁`` after a list's or a quote's marks): the
#: note's data, as its front matter is, not its prose (fields one under another would read as one run of words).
_FIELD_LINE_RE = re.compile(
    r'^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?<span class="zd-field"><span class="zd-field__key">'
    r"[^<\n]*</span>[^\n]*</span>(?:<br>)?[ \t]*$",
    re.MULTILINE,
)
#: An admonition's first line (``!!! info "网站存放在子目录"``, a callout or Hexo note made one by the
#: dialects): a label; its indented body is the author's prose and stays.
_ADMONITION_HEAD_RE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+\w[^\n]*$", re.MULTILINE)
#: Inline code (`<head>`, `**/*.md`) and a character the Markdown escapes (``\*``, ``\_``: the dialects'
#: link texts escape them) are the author's characters, not HTML or Markdown for ``_article_text`` to
#: drop: their ASCII punctuation is set aside (a private-use character each) until the summary is made.
_CODE_SPAN_RE = re.compile(r"(?P<ticks>`+)(?P<code>(?:[^\n]|\n(?![ \t]*\n))+?)(?P=ticks)")  # in a paragraph
_ESCAPED_RE = re.compile(r"\\(?P<char>[!-/:-@\[-`{-~])")
#: inlinehilite's language prefix (`` `#!python x = 1` ``, `` `:::js y` ``): markup, not the code's text.
_INLINE_LANGUAGE_RE = re.compile(r"^[ \t]*(?::{3,}|#!)[\w#.+-]*\s+")
_ASIDE = {c: chr(0xF0000 + ord(c)) for c in string.punctuation}
_SET_ASIDE = str.maketrans(_ASIDE)
_PUT_BACK = str.maketrans({aside: c for c, aside in _ASIDE.items()})


def looks_like_placeholder(title: str) -> bool:
    """Whether ``title`` is what a tool wrote for a note without one, not the author's title.

    A date, a number, an id or hash (``002_b47107d45cc7a228``), a word glued to digits
    (``1121tech``), ``Untitled``, or a file stem (``docs-writing``).  A title in words is the author's, whatever its language: ``Writing``,
    ``Front-matter`` and ``写作`` are not placeholders, nor is a Chinese file name Obsidian uses as
    the title.
    """
    return bool(_PLACEHOLDER_TITLE_RE.match(title.strip()))


def _as_text(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int, float)) else None


def _first_heading(text: str) -> str | None:
    """A heading that opens the note (any level), else its first level-1 heading; none in code.

    A ``# comment`` in a fenced shell block is code, and a section's ``## heading`` further down
    names its section, not the note.
    """
    lines = text.split("\n")
    opening = True
    for line, outside in zip(lines, body_mod.lines_outside_code(lines), strict=True):
        m = _HEADING_LINE_RE.match(line) if outside else None
        if m and (opening or len(m["hashes"]) == 1):
            return m["text"].strip()
        opening = opening and not line.strip()
    return None


def text_title(text: str, identifier: str, subtitle: str | None = None) -> str:
    """The title of a note whose front matter gives none.

    Its first heading (above), else its ``subtitle`` (a Hexo site's ``index.md`` has only that: the words its
    page shows under the site's name), else its file name, as Obsidian names a note (Jekyll's without the
    post's date; a bundle's ``index.md`` its folder's): never its path under ``seeds/`` (the id,
    ``我的库/杂记/随手记``), nor a folder's name that only sorts the notes (``zh-cn``).
    """
    path = PurePosixPath(identifier)
    stem = path.parent.name if path.name.lower() in _FOLDER_PAGE_STEMS and path.parent.name else path.name
    return _first_heading(text) or subtitle or _JEKYLL_DATE_RE.sub("", stem)


def _complete_author(author: Author, posts: Iterable[body_mod.Post], source: str | None) -> Author:
    name = author.name
    for post in posts:
        if author.handle and post.handle == author.handle:
            name = post.name
            break
    url = author.url or profile_url(source, author.handle)
    return replace(author, name=name, url=url)


def _article_text(markdown: str, read: int | None = None) -> str:
    """The author's own words: wrappers, tags and Markdown syntax removed.

    ``read``: of each paragraph, only the first ``read`` characters are read for emphasis (a summary's); 0: none
    (a reading time's counts and a script need no mark left out: an ``_`` is no letter nor Han character).
    """
    text = _QUERY_RE.sub("", _STAND_IN_RE.sub("", _EMBED_RE.sub("", _WRAPPER_RE.sub("", markdown))))
    text = _HTML_TAG_RE.sub(" ", text)
    text = _INLINE_RULE_RE.sub(lambda m: (m["hans"] if m["hans"] is not None else m["text"]) or "", text)
    text = _MD_LINK_RE.sub(lambda m: m["text"], text)
    text = _FOOTNOTE_REF_RE.sub("", _FOOTNOTE_DEFINITION_RE.sub("", text))
    text = _unemphasised(_without_reference_links(text), read)
    return _STRUCK_RE.sub(r"\g<text>", _MD_NOISE_RE.sub("", text))


def _unemphasised(text: str, read: int | None = None) -> str:
    """``text`` without the marks of emphasis, read paragraph by paragraph (a list's item is one) as the page reads them.

    ``read``: a paragraph's first ``read`` characters are read, the rest kept as written.
    Python-Markdown's emphasis costs more than the paragraph's length where marks stay open (`` _a_`` 25,000
    times: 2.3 s); a summary shows a paragraph's first ``limit`` characters, read with this much after them.
    """
    return "".join(
        piece if n % 2 else _read_head(piece, read) for n, piece in enumerate(_PARAGRAPH_BREAK_RE.split(text))
    )


def _read_head(paragraph: str, read: int | None) -> str:
    if read is None or len(paragraph) <= read:
        return emphasis_text.without_emphasis_marks(paragraph)
    head = paragraph[:read].rstrip()  # the tail keeps the white space: Markdown strips a paragraph's end
    return emphasis_text.without_emphasis_marks(head) + paragraph[len(head) :]


def _without_reference_links(text: str) -> str:
    """Reference links and images as their text, where the note defines the label (else as written)."""
    labels = {_label(m["label"]) for m in _REF_DEFINITION_RE.finditer(text)}
    if not labels:
        return text
    text = _REF_DEFINITION_RE.sub("", text)

    def shown(match: re.Match[str]) -> str:
        defined = _label(match["label"] or match["text"]) in labels
        return match["text"] if defined else match[0]

    return _MD_REF_LINK_RE.sub(shown, text)


def _label(label: str) -> str:
    # CommonMark matches labels case-insensitively, runs of white space as one.
    return " ".join(label.split()).casefold()


def summary_of(markdown: str, limit: int) -> str:
    """A note's summary as text: ``summarise`` of its prose, without code, tables or embedded players.

    Plain characters (``&``, ``<``, ``*``), escaped where the summary is shown.
    """
    return _summary(markdown, limit, _code_set_aside)


def summary_and_code(markdown: str, limit: int) -> tuple[str, tuple[str, ...]]:
    """``summary_of``'s text, and the same text in pieces, the note's inline code at odd places (``()``: it holds none).

    ``使用 `hexo` 指令`` is summarised 使用 hexo 指令, pieces ("使用 ", "hexo", " 指令"): the page reads code apart from
    the words beside it and shows it as typed, so a description showing it must too (``Site.description_shown``).
    ``()`` too where the code's marks would read the text otherwise (the summary is ``summary_of``'s whatever the marks).
    """
    text = summary_of(markdown, limit)
    if "`" not in markdown:
        return text, ()
    marked = _summary(markdown, limit, _code_marked)
    if _CODE_OPEN not in marked:
        return text, ()
    if marked.count(_CODE_OPEN) != marked.count(_CODE_CLOSE):  # cut inside code: closed where it was cut
        marked = marked.removesuffix("…") + _CODE_CLOSE + ("…" if marked.endswith("…") else "")
    pieces = tuple(re.split(f"[{_CODE_MARKS}]", marked))
    return text, (pieces if "".join(pieces) == text else ())


def _summary(markdown: str, limit: int, code_aside: Callable[[re.Match[str]], str]) -> str:
    """``summarise`` of ``markdown``'s prose, each inline code span written by ``code_aside``."""
    prose = _TABLE_RE.sub("", _FIELD_LINE_RE.sub("", _without_fenced_code(markdown)))
    prose = _LIST_MARKER_RE.sub(_ITEM_BREAK, prose)
    prose = _ADMONITION_HEAD_RE.sub("", prose)
    prose = _CODE_SPAN_RE.sub(code_aside, prose)
    prose = _ESCAPED_RE.sub(lambda m: m["char"].translate(_SET_ASIDE), prose)
    # Character references (``&amp;``, the dialects' ``&gt;``) are characters: the page escapes them once.
    read = max(_SUMMARY_READ, 20 * limit)
    return html.unescape(summarise(_article_text(prose, read), limit)).translate(_PUT_BACK)


def _code_set_aside(match: re.Match[str]) -> str:
    code = _INLINE_LANGUAGE_RE.sub("", match["code"])
    return match["ticks"] + code.translate(_SET_ASIDE) + match["ticks"]


def _code_marked(match: re.Match[str]) -> str:
    """``_code_set_aside``'s, the code's characters (its ends' white space outside) between ``_CODE_MARKS``.

    The white space and the backticks are read as ``summary_of`` reads them (`` ` npm` `` and a code of spaces too).
    """
    code = _INLINE_LANGUAGE_RE.sub("", match["code"]).translate(_SET_ASIDE)
    core = code.strip()
    if core:
        start = code.index(core)
        code = code[:start] + _CODE_OPEN + core + _CODE_CLOSE + code[start + len(core) :]
    return match["ticks"] + code + match["ticks"]


def _without_fenced_code(markdown: str) -> str:
    """``markdown`` with each fenced code block (opener to closer) left as one empty line.

    A closer is a line of the opener's character, at least as long, and nothing else; an opener no closer
    follows is text.  One pass over the lines: whether a closer follows is read from the longest closer
    of each character from each line on, so a note of unclosed openers costs no more than any other.
    """
    lines = markdown.split("\n")
    fences = [_FENCE_LINE_RE.fullmatch(line) for line in lines]
    longest_after: dict[str, list[int]] = {"`": [0] * (len(lines) + 1), "~": [0] * (len(lines) + 1)}
    for n in range(len(lines) - 1, -1, -1):
        for longest in longest_after.values():
            longest[n] = longest[n + 1]
        fence = fences[n]
        if fence and not fence["rest"].strip():
            longest = longest_after[fence["fence"][0]]
            longest[n] = max(longest[n], len(fence["fence"]))
    kept: list[str] = []
    n = 0
    while n < len(lines):
        opener = fences[n]
        char, length = (opener["fence"][0], len(opener["fence"])) if opener else ("`", 0)
        if not opener or longest_after[char][n + 1] < length:
            kept.append(lines[n])
            n += 1
            continue
        n += 1
        while not (
            (closer := fences[n])
            and closer["fence"][0] == char
            and len(closer["fence"]) >= length
            and not closer["rest"].strip()
        ):
            n += 1
        kept.append("")
        n += 1
    return "\n".join(kept)


def summarise(article: str, limit: int) -> str:
    """The opening prose, cut at a sentence end within ``limit`` characters.

    Short opening lines ("我有套类似的狂野想法：") are joined with what follows, so the
    summary says what the note is about rather than only how it begins.  The marks of inline code
    (``summary_and_code``) are no characters of it: counted out of its length.
    """
    text = ""
    for para in re.split(r"\n\s*\n", article):
        para = _CJK_LINE_BREAK_RE.sub(lambda m: m["before"] + m["after"], para)
        para = " ".join(para.replace(_ITEM_BREAK, " ").split())
        para = _SPACE_AFTER_FULL_WIDTH_RE.sub("", _SPACE_BEFORE_CLOSING_RE.sub("", para))
        if len(HAN_RE.findall(para)) < 8:
            continue
        # A sentence the author repeated (a section's opening line again) is said once.
        para = "".join(s for s in _SENTENCE_RE.findall(para) if len(s.strip()) < 8 or s.strip() not in text)
        # 「…一台伺服器」 then 「步驟：開啟設定」 ran on as 「…一台伺服器步驟：開啟設定」 (rv28).
        text += " " + para if text and not text.endswith(_FULL_WIDTH_BREAK) else para
        if _shown_length(text) >= limit // 2:
            break
    if _shown_length(text) <= limit:
        return text
    end = _index_of(text, limit)
    cut = max(text.rfind(p, 0, end) for p in _SENTENCE_END)
    return (
        text[: cut + 1] if cut >= 0 and _shown_length(text[:cut]) > limit // 3 else text[:end].rstrip() + "…"
    )


def _shown_length(text: str) -> int:
    """``text``'s length without the marks of inline code."""
    return len(text) - (text.count(_CODE_OPEN) + text.count(_CODE_CLOSE) if _CODE_OPEN in text else 0)


def _index_of(text: str, shown: int) -> int:
    """Where in ``text`` its ``shown``-th character (marks of inline code not counted) ends."""
    if _CODE_OPEN not in text:
        return shown
    seen = 0
    for index, char in enumerate(text):
        if seen == shown:
            return index
        seen += char not in _CODE_MARKS
    return len(text)
