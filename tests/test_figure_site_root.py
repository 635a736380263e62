"""A Hugo ``{{< figure src="/img/x.png" >}}`` whose file is in no folder the old site served it from.

A Markdown ``![](/img/x.png)`` is then a missing image with a warning saying where it was looked for
(``notes/site_root.py``); the figure's path lost its ``/`` and was a plain missing image, counted in the
info line only, looked for beside the note.  Both are the same now.
"""

from __future__ import annotations

from conftest import build_site

FIGURE = '+++\ntitle = "图"\n+++\n\n{{< figure src="/img/不存在.png" title="缺失的图" >}}\n'
MARKDOWN = '+++\ntitle = "图二"\n+++\n\n![缺失的图](/img/不存在.png)\n'


def test_a_figure_from_the_site_root_not_found_is_warned_of_like_an_image(tmp_path):
    result = build_site(
        tmp_path, notes={"content/posts/a.md": FIGURE, "content/posts/b.md": MARKDOWN}, strict=False
    )
    assert result.ok, result.log
    figure = [w for w in result.warnings if "content/posts/a.md:5:" in w]
    image = [w for w in result.warnings if "content/posts/b.md:5:" in w]
    assert len(figure) == 1 and len(image) == 1, result.log
    assert figure[0].split(":", 3)[3] == image[0].split(":", 3)[3], result.log  # the same words
    assert "no folder above the note" in figure[0] and "static/" in figure[0]
    page = next(
        p.read_text("utf-8")
        for p in (result.site_dir / "zh-Hans" / "notes").glob("*/index.html")
        if "<title>图 - " in p.read_text("utf-8")
    )
    assert "zd-missing-image" in page and "缺失的图" in page
    assert (
        "/img/不存在.png" not in page and "/img/不存在.png" in figure[0]
    )  # the path: the author's, in the warning
