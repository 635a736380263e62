"""The link index a save reuses (``hooks/zhudu/notes/resolve.py``: ``_index``, ``_linkables``)."""

from __future__ import annotations

from pathlib import Path

from zhudu.notes import resolve
from zhudu.notes.page_ids import Slugify
from zhudu.notes.resolve import Linkable

#: Folds nothing: these notes' headings are in the site's script already.
AS_WRITTEN = Slugify(str)


def test_the_link_index_is_reused_only_for_the_very_same_notes_and_names() -> None:
    a = Linkable(id="a", slug="a", title="甲", folder="", stem="a", slugify=AS_WRITTEN)
    b = Linkable(id="b", slug="b", title="乙", folder="", stem="b", slugify=AS_WRITTEN)
    first = resolve._index([(a, {}), (b, {"aliases": ["别名"]})])
    first.resolutions.append("a link found")  # type: ignore[arg-type]
    again = resolve._index([(a, {"other": 1}), (b, {"aliases": ["别名"]})])  # a key no name comes from
    assert again is first and again.resolutions == []
    renamed = resolve._index([(a, {}), (b, {"aliases": ["新名"]})])
    assert (
        renamed is not first and "新名" in renamed.tables["alias"] and "别名" not in renamed.tables["alias"]
    )
    # An equal note that is another object (its headings are not compared) makes a new index.
    headed = Linkable(
        id="a", slug="a", title="甲", folder="", stem="a", slugify=AS_WRITTEN, headings={"节": "节"}
    )
    assert resolve._index([(headed, {}), (b, {"aliases": ["新名"]})]) is not renamed


def test_a_note_keeps_its_linkable_while_its_names_and_markdown_are_the_same() -> None:
    class Meta:
        slug, title, folder, section_folder = "s", "题", "", ""  # NoteMeta's fields the link index reads

    class Note:
        id, broken, meta, path, markdown = "n", False, Meta(), Path("seeds/n.md"), "# 一节\n\n正文\n"

    note = Note()
    first = resolve._linkables([note], AS_WRITTEN)["n"]  # type: ignore[list-item]
    entry = resolve._LINKABLES["n"]
    assert resolve._linkables([note], AS_WRITTEN)["n"] is first  # type: ignore[list-item]
    assert resolve._LINKABLES["n"] is entry  # the same entry: no new object outliving each save
    note.markdown = "# 一节\n\n正文，改过了。\n"  # a body edit, the same headings: the same object
    assert resolve._linkables([note], AS_WRITTEN)["n"] is first  # type: ignore[list-item]
    assert resolve._LINKABLES["n"] is not entry and resolve._LINKABLES["n"][1] is note.markdown
    note.markdown = "# 另一节\n\n正文\n"
    changed = resolve._linkables([note], AS_WRITTEN)["n"]  # type: ignore[list-item]
    assert changed is not first and "另一节" in changed.headings
    Meta.title = "新题"
    assert resolve._linkables([note], AS_WRITTEN)["n"].title == "新题"  # type: ignore[list-item]
