"""Everything a reader sees converts the same way (one real MkDocs build, no mocks).

A note's title, description and tags, and a glossary entry, reach the reader through many channels:
the note page (heading, body, ``<meta name="description">``, tag list), the home card, the feed,
the glossary page, the glossary tooltip on the note.  Each must read exactly as
``Converter.text`` writes the same source text: the editor's rules, the regional layer and the
punctuation pairs apply everywhere, not only to note bodies.
"""

from __future__ import annotations

import html

from zhudu.script.convert import DEFAULT_VARIANTS, Converter, load_rules

TITLE = "字节发布新模型"
DESCRIPTION = "社区和乡镇就地组装，“深度求索”发布了芯片"
TAG = "芯片"
EXPLANATION = "应用程序编程接口和面向一般用户的“豆包”产品，由字节推出。"
NOTE = f"---\ntitle: {TITLE}\ndate: 2024-01-02\ntags: [{TAG}]\ndescription: {DESCRIPTION}\n---\n\n{DESCRIPTION}。API 很重要。\n"
GLOSSARY = f"- term: API\n  explanation: {EXPLANATION}\n"
# An editor's rule: it must reach every channel too (就地 → 在地 in Taiwan).
CONVERSION = (
    "phrases:\n  zh-Hant-TW:\n    就地: 在地   # why: test rule\n"
    'punctuation:\n  zh-Hant:\n    "“": "「"\n    "”": "」"\n'
)


def test_every_channel_converts_like_converter_text(site_builder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = site_builder(
        notes={"n1.md": NOTE},
        editorial={"notes.yml": "n1:\n  slug: n1\n", "glossary.yml": GLOSSARY, "conversion.yml": CONVERSION},
    )
    assert result.ok, result.log
    rules_file = tmp_path / "conversion.yml"
    rules_file.write_text(CONVERSION, encoding="utf-8")
    rules = load_rules(rules_file, known_variants=[v.code for v in DEFAULT_VARIANTS])
    for variant in DEFAULT_VARIANTS[1:]:
        code = variant.code
        text = Converter(variant, rules).text
        title, description, tag, explanation = (text(s) for s in (TITLE, DESCRIPTION, TAG, EXPLANATION))
        note = html.unescape(result.page(f"{code}/notes/n1/index.html"))
        home = html.unescape(result.page(f"{code}/index.html"))
        feed = html.unescape(result.page(f"feed-{code}.xml"))
        glossary = html.unescape(result.page(f"{code}/glossary/index.html"))
        channels = {
            "note heading and body": (note, [title, description]),
            "home card": (home, [title, description]),
            "feed": (feed, [title, description, tag]),
            "glossary page": (glossary, [explanation]),
            "tooltip on the note": (note, [f'title="{explanation}"']),
            "meta description": (note, [f'content="{description}"']),
            "tag list": (note, [tag]),
        }
        for channel, (page, wanted) in channels.items():
            for piece in wanted:
                assert piece in page, (code, channel, piece)
        # What the rules give, spelled out once (so the test cannot pass on a uniform mistake).
        if code == "zh-Hant-TW":
            assert title == "字節發布新模型"
            assert description == "社區和鄉鎮在地組裝，「深度求索」發布了晶片"
            assert explanation == "應用程式介面和面向一般使用者的「豆包」產品，由字節推出。"
        else:
            assert description == "社區和鄉鎮就地組裝，「深度求索」發佈了晶片"
            assert explanation.startswith("應用程式編程接口和面向一般用户")
