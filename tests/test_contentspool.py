"""Note pages' HTML waits on disk between its render and its page in ``mkdocs build`` (publish/contentspool.py).

``tests/test_reproducible.py`` and ``tests/test_cache.py`` check that the site is the same byte for
byte, cold, warm and dirty; this checks that the HTML was not in the pages while MkDocs' page loop had
not reached them, and that the spool is gone after the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, build_site
from zhudu import cache
from zhudu.publish.contentspool import ContentSpool

#: A bench-like hook after Zhudu's: what each page holds once every page is rendered (``on_env``).
_PROBE = """\
from mkdocs.plugins import event_priority

SEEN = {}


@event_priority(-300)
def on_env(env, config, files):
    for file in files.documentation_pages():
        if file.page is not None:
            SEEN[file.src_uri] = file.page.content
    return env
"""


def test_a_page_takes_back_its_html_once_and_the_digest_is_the_htmls() -> None:
    spool = ContentSpool()
    html = "<p>注读 🛰️ \ud800 a lone surrogate</p>"
    spool.put("notes/a/index.html", html)
    spool.put("notes/b/index.html", "<p>b</p>")
    assert spool.digest("notes/a/index.html") == cache.digest(html)
    assert spool.take("notes/a/index.html") == html
    assert spool.take("notes/a/index.html") is None  # taken: no longer kept
    assert spool.digest("notes/a/index.html") is None
    assert spool.take("notes/b/index.html") == "<p>b</p>"
    path = spool.path
    assert path.is_file()
    spool.remove()
    assert not path.exists()


@pytest.mark.slow
def test_note_pages_hold_no_html_before_the_page_loop(tmp_path: Path) -> None:
    probe = tmp_path / "probe_hook.py"
    probe.write_text(_PROBE, encoding="utf-8")
    result = build_site(
        tmp_path / "p",
        repo_notes=True,
        repo_editorial=True,
        config={"hooks": [str(REPO / "hooks" / "zhudu_hook.py"), str(probe)]},
    )
    assert result.ok, result.log
    seen = sys.modules[str(probe)].SEEN
    notes = [uri for uri in seen if uri.startswith("notes/")]
    assert len(notes) >= 3
    assert all(seen[uri] == "" for uri in notes)  # spooled
    assert seen["index.md"]  # other pages keep theirs
    site = sys.modules[str(REPO / "hooks" / "zhudu_hook.py")]._build.site
    assert site.contents is None  # removed once every page was written
    # and every note page was written with its article
    for uri in notes:
        page = tmp_path / "p" / "site" / "zh-Hans" / uri.removesuffix(".md") / "index.html"
        assert 'class="md-content"' in page.read_text(encoding="utf-8")
