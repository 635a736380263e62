"""The fuzz corpus of hostile and broken inputs: one case per way a note or data file can go wrong.

Each case is a small project: notes for ``seeds/`` (text or bytes), editorial files, settings,
and links made before the build (symlinks pointing out of the repository).  Every case is built
and checked for the same things (``tests/test_hostile_table.py``; ``bench/hostile_table.py`` prints
the table with ``mkdocs build``, ``--strict`` and ``mkdocs serve``): no traceback, ``seeds/``
byte-identical, nothing from outside the repository in the site, no live script in any output
file, no request to another host, nothing a note writes after its HTML (``PROBE``) outside the note's
body element, and the build done in seconds.

``expect`` says what the author sees: ``warn`` (the site builds; ``--strict`` fails on the
warning), ``error`` (the build stops with a message), ``clean`` (nothing to say).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Bytes that must never reach the site: the outside files hold them.
SENTINEL = "ZDX-OUTSIDE-SENTINEL"
#: A PNG's signature with the sentinel after it: an "image" outside the repository.
SECRET_PNG = b"\x89PNG\r\n\x1a\n" + SENTINEL.encode() + b"\x00" * 16

#: A note's last paragraph in the ``contain-*`` cases: text and a link that must stay inside the note's body.
PROBE = "ZDPROBE"
PROBE_LINE = f'<a class="zd-gloss-home" href="https://example.org/">{PROBE}</a> {PROBE} 尾声'

GOOD = "---\ntitle: 好笔记\ndate: 2024-01-01\n---\n\n这是一篇正常的笔记，讲开源模型和数据中心。\n"


@dataclass(frozen=True)
class Case:
    """One hostile input."""

    name: str
    expect: str  # warn | error | clean
    notes: dict[str, str | bytes] = field(default_factory=dict)
    editorial: dict[str, str] = field(default_factory=dict)
    zhudu: dict[str, Any] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # seeds-relative path → target ("{outside}/…")
    says: str = ""  # a substring of the message (warning or error)


def fm(body: str, **front: str) -> str:
    """A note with front matter ``front`` (values written as given) and ``body``."""
    head = "".join(f"{k}: {v}\n" for k, v in {"title": "坏笔记", **front}.items())
    return f"---\n{head}---\n\n{body}\n"


def prepare(root: Path, case: Case) -> Path:
    """Write the case into ``root/seeds`` as the author left it: the outside folder, the links, the
    notes (``{outside}`` filled in; a case of links only still gets one good note).  Returns the
    outside folder."""
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.png").write_bytes(SECRET_PNG)
    (outside / "ext.md").write_text(f"---\ntitle: 外面\n---\n\n{SENTINEL} 仓库外的笔记。\n", encoding="utf-8")
    for rel, target in case.links.items():
        link = root / "seeds" / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.format(outside=outside), link)
    notes = {
        name: text.replace("{outside}", str(outside)) if isinstance(text, str) else text
        for name, text in case.notes.items()
    }
    if not case.links:
        notes.setdefault("good.md", GOOD)
    for name, content in notes.items():
        target = root / "seeds" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return outside


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and link under ``folder``: content hash, or where the link points."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            out[rel] = "-> " + str(path.readlink())
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)

CASES: list[Case] = [
    # --------------------------------------------------------------- paths and files
    Case(
        "image-dotdot-passwd", "warn", {"bad.md": fm("![密码](../../../../../../etc/passwd)")}, says="bad.md:"
    ),
    Case("image-absolute-outside", "warn", {"bad.md": fm("![秘密]({outside}/secret.png)")}, says="bad.md:"),
    Case("image-file-url", "warn", {"bad.md": fm("![x](file:///etc/passwd)")}, says="bad.md:"),
    Case("image-percent-dotdot", "warn", {"bad.md": fm("![x](..%2F..%2F..%2Fetc%2Fpasswd)")}, says="bad.md:"),
    Case(
        "image-svg-with-script",
        "warn",
        {"bad.md": fm("![x](evil.svg)"), "evil.svg": '<svg onload="alert(1)"/>'},
    ),
    Case("image-not-an-image", "warn", {"bad.md": fm("![x](good.md)"), "good.md": GOOD}),
    Case("image-protocol-relative", "warn", {"bad.md": fm("![x](//evil.example/x.png)")}),
    Case("note-symlink-outside", "warn", links={"link.md": "{outside}/ext.md"}, says="link.md"),
    Case(
        "folder-symlink-outside",
        "warn",
        {"bad.md": fm("![x](assets/out/secret.png)")},
        links={"assets/out": "{outside}"},
        says="bad.md:",
    ),
    Case("slug-escape", "warn", {"bad.md": fm("正文。", slug="../../../../../../../../tmp/zdx-escape")}),
    Case(
        "template-traversal-notes-yml",
        "warn",
        {"bad.md": fm("正文。")},
        {"notes.yml": "bad:\n  template: ../../../../../etc/passwd\n"},
    ),
    Case(
        "template-missing-notes-yml",
        "warn",
        {"bad.md": fm("正文。")},
        {"notes.yml": "bad:\n  template: nope.html\n"},
    ),
    Case("template-first-line-no-front-matter", "clean", {"bad.md": "Template: nope.html\n\n正文第一段。\n"}),
    Case("meta-eats-first-paragraph", "clean", {"bad.md": "Note: 这一行是正文的第一句话。\n\n第二段。\n"}),
    Case(
        "same-id-three-suffixes",
        "warn",
        {"same.md": GOOD, "same.txt": GOOD, "same.markdown": GOOD},
        says="same",
    ),
    Case(
        "notes-url-escape", "error", zhudu={"notes_url": "../../zdx-notes-out"}, says="extra.zhudu.notes_url"
    ),
    Case("seeds-dir-missing", "error", zhudu={"seeds_dir": "nope"}, says="extra.zhudu.seeds_dir"),
    Case("timezone-unknown", "error", zhudu={"timezone": "Mars/Olympus"}, says="extra.zhudu.timezone"),
    Case(
        "chars-per-minute-zero", "error", zhudu={"chars_per_minute": 0}, says="extra.zhudu.chars_per_minute"
    ),
    # --------------------------------------------------------------- front matter
    Case("yaml-alias-bomb", "warn", {"bad.md": "---\n" + _BOMB + "title: x\n---\n\n正文。\n"}, says="bad.md"),
    Case(
        "yaml-deep-nesting",
        "warn",
        {"bad.md": "---\ntitle: x\ndeep: " + "[" * 5000 + "]" * 5000 + "\n---\n\n正文。\n"},
    ),
    Case(
        "yaml-python-tag",
        "warn",
        {"bad.md": '---\ntitle: x\nrun: !!python/object/apply:os.system ["echo ZDX"]\n---\n\n正文。\n'},
    ),
    Case("date-feb-30", "warn", {"bad.md": fm("正文。", date="2025-02-30")}, says="bad.md:"),
    Case("date-huge-number", "warn", {"bad.md": fm("正文。", date="99999999999999999")}, says="bad.md:"),
    Case("date-inf", "warn", {"bad.md": fm("正文。", date=".inf")}, says="bad.md:"),
    Case("date-nan", "warn", {"bad.md": fm("正文。", date=".nan")}, says="bad.md:"),
    Case("date-words", "warn", {"bad.md": fm("正文。", date="去年冬天")}, says="bad.md:"),
    Case("tags-with-date", "warn", {"bad.md": fm("正文。", tags="[2024-01-01, 旅行]")}),
    Case("tags-map", "warn", {"bad.md": fm("正文。", tags="{a: 1}")}, says="bad.md:"),
    Case("tags-nested-list", "warn", {"bad.md": fm("正文。", tags="[[a, b], c]")}, says="bad.md:"),
    Case("author-number-tags-number", "warn", {"bad.md": fm("正文。", author="42", tags="7")}),
    # Each tag was looked for in a list of the ones before it: 50,000 tags took 25 s.
    Case(
        "tags-50000",
        "clean",
        {"bad.md": fm("正文。", tags="[" + ", ".join(f"t{i}" for i in range(50000)) + "]")},
    ),
    Case("title-nul", "warn", {"bad.md": fm("正文。", title='"NUL\\0标题"')}, says="bad.md:"),
    Case(
        "source-javascript",
        "warn",
        {"bad.md": fm("正文。", date="去年冬天", source="\"javascript:alert('ZDX')\"")},
    ),
    Case(
        "author-url-javascript",
        "warn",
        {"bad.md": fm("正文。", author="{name: 甲, url: 'javascript:alert(1)'}")},
    ),
    Case(
        "notes-yml-author-url-javascript",
        "warn",
        {"bad.md": fm("正文。")},
        {"notes.yml": "bad:\n  authors:\n    - name: 甲\n      url: javascript:alert(1)\n"},
    ),
    Case("unclosed-front-matter", "warn", {"bad.md": "---\ntitle: 没有结尾\n\n正文还在。\n"}, says="bad.md"),
    Case("duplicate-keys", "warn", {"bad.md": "---\ntitle: 一\ntitle: 二\n---\n\n正文。\n"}, says="bad.md:"),
    Case(
        "toml-bad-date",
        "warn",
        {"bad.md": '+++\ntitle = "x"\ndate = 2025-02-30\n+++\n\n正文。\n'},
        says="bad.md",
    ),
    Case("title-script", "clean", {"bad.md": fm("正文。", title="\"<script>alert('ZDX')</script>\"")}),
    Case("tags-break-attribute", "clean", {"bad.md": fm("正文。", tags="['\"><script>alert(1)</script>']")}),
    Case(
        "description-script",
        "clean",
        {"bad.md": fm("正文。", description='"</script><script>alert(1)</script>"')},
    ),
    Case("title-very-long", "clean", {"bad.md": fm("正文。", title="长" * 20000)}),
    Case(
        "traditional-note",
        "clean",
        {"bad.md": fm("這是一篇用繁體字寫的筆記，講開源軟體。", title="繁體標題")},
    ),
    # --------------------------------------------------------------- bytes
    Case("utf16-note", "warn", {"bad.md": GOOD.encode("utf-16")}, says="bad.md"),
    Case("binary-garbage", "warn", {"bad.md": bytes(range(256)) * 8}, says="bad.md"),
    Case("nul-in-body", "warn", {"bad.md": fm("正文\x00后面。")}),
    Case("bom-crlf", "clean", {"bad.md": "\ufeff" + GOOD.replace("\n", "\r\n")}),
    Case("odd-file-name", "clean", {"a #b?&c 空格.md": GOOD}),
    # A folder's name titles its section pages; past 50 notes, page 2 wrote it unescaped in the header.
    Case(
        "folder-name-markup",
        "clean",
        {f"<img src=x onerror=alert(1)>/n{i}.md": fm(f"第 {i} 篇。") for i in range(51)},
    ),
    # --------------------------------------------------------------- Markdown that costs too much
    Case(
        "list-2000-levels",
        "warn",
        {"bad.md": fm("\n".join("    " * i + "- x" for i in range(2000)))},
        says="bad.md",
    ),
    Case(
        "list-100-levels",
        "warn",
        {"bad.md": fm("\n".join("    " * i + "- x" for i in range(100)))},
        says="bad.md:",
    ),
    # Each box's inside was rewritten a call deeper: 1,500 nested boxes ended the build in a RecursionError.
    Case(
        "hexo-note-1500-deep",
        "warn",
        {"bad.md": fm("{% note info %}\n" * 1500 + "深处\n" + "{% endnote %}\n" * 1500)},
        says="bad.md:37",
    ),
    Case(
        "hugo-notice-1500-deep",
        "warn",
        {"bad.md": fm("{{< notice info >}}\n" * 1500 + "深处\n" + "{{< /notice >}}\n" * 1500)},
        says="bad.md:37",
    ),
    Case("unclosed-brackets", "warn", {"bad.md": fm("[" * 20000)}, says="bad.md:"),
    # Python-Markdown's getLink reads to the paragraph's end from each open target: 6.5 s for 5,000.
    Case("unclosed-link-targets", "warn", {"bad.md": fm("[a](" * 10000)}, says="bad.md:"),
    Case("emphasis-run", "warn", {"bad.md": fm("_" * 3000 + "x" + "_" * 3000)}, says="bad.md:"),
    # Each missing image is a placeholder of six inline tags, each stored by rebuilding the paragraph: 14 s.
    Case(
        "missing-images-one-paragraph", "warn", {"bad.md": fm("![图](missing.png) " * 10000)}, says="bad.md:5"
    ),
    Case(
        "md-in-html-500-deep", "warn", {"bad.md": fm('<div markdown="1">\n' * 500 + "x\n" + "</div>\n" * 500)}
    ),
    Case("note-3-mib", "warn", {"bad.md": fm("长" * 1_100_000)}, says="bad.md"),
    # A heading's text read from every character to the line's end (page_ids, body, summary): 16 s and 30 s.
    Case("heading-hash-run", "clean", {"bad.md": fm("# " + "# " * 40000 + "尾")}),
    Case("heading-underscore-pairs", "clean", {"bad.md": fm("## " + "__a_ " * 20000)}),
    # A bare URL's host of 20,000 distinct Han characters: Python's IDNA codec took 32 s CPU to refuse it.
    Case(
        "bare-url-long-idn-host",
        "clean",
        {"bad.md": fm("见：https://" + "".join(map(chr, range(0x4E00, 0x9D20))) + "/路")},
    ),
    # --------------------------------------------------------------- script and other hosts
    Case("raw-script", "warn", {"bad.md": fm("前<script>alert('ZDX')</script>后")}),
    Case("div-onclick", "warn", {"bad.md": fm('<div onclick="alert(1)">点我</div>')}),
    Case("iframe-javascript", "warn", {"bad.md": fm('<iframe src="javascript:alert(1)"></iframe>')}),
    Case(
        "details-ontoggle",
        "warn",
        {"bad.md": fm('<details open ontoggle="alert(1)"><summary>细节</summary>x</details>')},
    ),
    Case("markdown-link-javascript", "warn", {"bad.md": fm("[点这里](javascript:alert(1))")}),
    Case("markdown-link-data", "warn", {"bad.md": fm("[数据](data:text/html,<script>alert(1)</script>)")}),
    Case("img-onerror", "warn", {"bad.md": fm("<img src=x onerror=alert(1)>")}),
    Case("markdown-image-javascript", "warn", {"bad.md": fm("![图](javascript:alert(1))")}),
    Case("mixed-case-scheme", "warn", {"bad.md": fm('<a href="JaVaScRiPt:alert(1)">甲</a>')}),
    Case("entity-scheme", "warn", {"bad.md": fm('<a href="java&#x09;script:alert(1)">乙</a>')}),
    Case("svg-onload", "warn", {"bad.md": fm('<svg onload="alert(1)"><circle r="1"/></svg>')}),
    Case("object-embed", "warn", {"bad.md": fm('<object data="x.swf"></object><embed src="x.swf">')}),
    Case(
        "form-action", "warn", {"bad.md": fm('<form action="javascript:alert(1)"><button>按</button></form>')}
    ),
    Case(
        "style-remote-url",
        "warn",
        {"bad.md": fm("<style>body{background:url(https://evil.example/x.png)}</style>")},
    ),
    Case(
        "meta-refresh",
        "warn",
        {"bad.md": fm('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">')},
    ),
    Case("attr-list-handler", "warn", {"bad.md": fm('带属性的段落\n{: onclick="alert(1)" }')}),
    # Downloaded like a Markdown image; here the host does not resolve: one warning, shown as a link.
    Case(
        "remote-raw-image",
        "warn",
        {"bad.md": fm('<img src="https://evil.example/x.png">')},
        says="remote image https://evil.example/x.png",
    ),
    Case("youtube-iframe", "warn", {"bad.md": fm('<iframe src="https://www.youtube.com/embed/x"></iframe>')}),
    Case("mermaid-block", "warn", {"bad.md": fm('<pre class="mermaid">graph TD; A-->B</pre>')}),
    Case(
        "stylesheet-link", "warn", {"bad.md": fm('<link rel="stylesheet" href="https://evil.example/x.css">')}
    ),
    Case("base-href", "warn", {"bad.md": fm('<base href="https://evil.example/">')}),
    # A fence's {…} is written into the code block's <div> unescaped by pymdownx, after the sanitiser.
    Case(
        "fence-attribute-value-quote",
        "clean",
        {"bad.md": fm("```{.python data-x='\"><img src=x onerror=alert(1)>' id='a\"><b>'}\nprint(1)\n```")},
    ),
    Case(
        "fence-attribute-name-quote",
        "warn",
        {"bad.md": fm('```{.python data-a"><img/onerror="alert(1)"}\nprint(1)\n```')},
        says="bad.md:5",
    ),
    Case(
        "fence-id-config-in-quote",
        "warn",
        {"bad.md": fm('> ```{.json #__config}\n> {"base": "https://evil.example/"}\n> ```')},
        says="bad.md:5",
    ),
    Case("mailto-link", "clean", {"bad.md": fm("[写信](mailto:a@example.com)")}),
    # --------------------------------------------------------------- the page around the note
    # Each note says PROBE after its HTML; every PROBE of a note page must be inside its body element.
    *(
        Case(f"contain-{name}", expect, {"bad.md": fm(f"开源。\n\n{html}\n\n{PROBE_LINE}")}, says=says)
        for name, expect, html, says in (
            ("div-article", "warn", "</div>\n</article>", "bad.md:7"),
            ("main", "warn", "</main>", "bad.md:7"),
            ("body-html", "clean", "</body>\n</html>", ""),
            ("li-outside-list", "clean", "</li>", ""),
            ("p-div-inline", "warn", "行内 </p></div> 之后", "bad.md:7"),
            ("table-in-cell", "warn", "<table><tr><td>格</table></td></tr></table></div>", "bad.md:7"),
            ("template", "clean", "</template>", ""),
            ("svg", "clean", "</svg>", ""),
            ("math", "clean", "</math>", ""),
            ("plaintext", "warn", "<plaintext>", "bad.md:7"),
            ("xmp", "warn", "<xmp></div>", "bad.md:7"),
            ("textarea-open", "warn", "<textarea></div>", "bad.md:7"),
            ("title-open", "warn", "<title></div>", "bad.md:7"),
            ("style-open", "warn", "<style></div>", "bad.md:7"),
            ("noscript-open", "warn", "<noscript></div>", "bad.md:7"),
            ("comment-open", "warn", "<!-- </div>", "bad.md:7"),
            ("cdata", "clean", "<![CDATA[ </div> ]]>", ""),
            ("many-divs", "warn", "</div>\n" * 60, "bad.md:7"),
        )
    ),
    # --------------------------------------------------------------- Obsidian embeds (notes/copy_frame.py)
    # md_in_html read the copy's tags in code, and a <style> to its end: the frame closed early, or the
    # embedding note's rest went into the copy or away.  Each host says PROBE after the embed.
    *(
        Case(
            f"embed-{name}",
            expect,
            {
                ".obsidian/app.json": "{}",
                "bad.md": fm(f"开源。\n\n![[乙篇]]\n\n{PROBE_LINE}"),
                "yi.md": fm(f"乙的开头。\n\n{html}\n\n乙的后文。", title="乙篇"),
            },
            says=says,
        )
        for name, expect, html, says in (
            ("code-span-end-tags", "clean", "`</blockquote>` 和 `</div>`", ""),
            ("indented-code-end-tags", "clean", "    </blockquote>\n    </div>", ""),
            ("blockquote-open", "warn", "<blockquote>\n引用", "bad.md:7"),
            ("style-open", "warn", "<style>\n.md-header{display:none}", "yi.md:7"),
            ("html5-stray", "warn", "<ul><li><div>x</li></div>", "bad.md:7"),
        )
    ),
    # 800 embeds of a 50 KB note in a 10 KB note: a 40 MB page in each variant, 13 s CPU, 580 MB.
    Case(
        "embed-amplification",
        "warn",
        {
            ".obsidian/app.json": "{}",
            "bad.md": fm("\n\n".join(["![[乙篇]]"] * 800)),
            "yi.md": fm("\n\n".join(["开源软件和数据中心的文字。" * 40] * 100), title="乙篇"),
        },
        says="bad.md:",
    ),
    # Each embed read the embedded note's headings and definitions again: 500 of a 500 KB note's sections, 9 s.
    Case(
        "embed-sections-many",
        "clean",
        {
            ".obsidian/app.json": "{}",
            "bad.md": fm("\n\n".join(f"![[乙篇#节{i % 3000}]]" for i in range(3000))),
            "yi.md": fm("\n\n".join(f"## 节{i}\n\n第{i}段。" for i in range(3000)), title="乙篇"),
        },
    ),
    # An inline tag never closed: a browser opened it again in every paragraph after (now closed with its own).
    Case("inline-unclosed", "warn", {"bad.md": fm(f"这是<em>强调的开头\n\n{PROBE_LINE}")}, says="bad.md:5"),
    # Python-Markdown read a <style> never closed to the note's end; the sanitiser removed it all.
    Case("style-unclosed", "warn", {"bad.md": fm(f"<style>\n.a{{}}\n\n{PROBE_LINE}")}, says="bad.md:5"),
    Case("iframe-unclosed", "warn", {"bad.md": fm(f'<iframe src="https://x.example/">\n\n{PROBE_LINE}')}),
    # --------------------------------------------------------------- editorial data
    Case(
        "conversion-rule-script",
        "clean",
        {"bad.md": fm("开源模型。")},
        {"conversion.yml": "phrases:\n  zh-Hant-TW:\n    开源: \"<script>alert('ZDX')</script>\"\n"},
    ),
    Case(
        "conversion-rule-attribute",
        "clean",
        {"bad.md": fm("开源模型。")},
        {"conversion.yml": "phrases:\n  zh-Hant-TW:\n    开源: '\" onmouseover=\"alert(1)'\n"},
    ),
    Case(
        "glossary-script",
        "clean",
        {"bad.md": fm("开源模型。")},
        {"glossary.yml": "- term: 开源\n  explanation: \"<script>alert('ZDX')</script>\"\n"},
    ),
    Case(
        "themes-name-script",
        "clean",
        {"bad.md": fm("开源模型。")},
        {
            "themes.yml": 'themes:\n  x:\n    name: "<script>alert(\'ZDX\')</script>"\n    description: "<img src=x onerror=alert(1)>"\n    phrases: [开源]\n'
        },
    ),
    Case(
        "themes-bad-yaml",
        "error",
        {"bad.md": fm("正文。")},
        {"themes.yml": "themes: [未闭合\n"},
        says="themes.yml",
    ),
]


def by_name() -> dict[str, Case]:
    """The cases keyed by name (names are unique)."""
    return {case.name: case for case in CASES}
