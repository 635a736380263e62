"""Material's ``__config`` left out of a page whose JSON was only its base (compact/page_config.py): the
live page has it, made by ``config.js`` where Material's template wrote it, with the same base, before
Material's bundle reads it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ServedSite, serve_built

pytestmark = pytest.mark.browser

NOTE = "---\ntitle: 配置\ndate: 2024-01-01\n---\n\n第一段。\n"
#: The element, where it is, what follows it, and its text.
LIVE = """() => { const e = document.getElementById('__config');
    return [document.querySelectorAll('#__config').length, e.outerHTML.replace(e.textContent, ''),
            e.previousElementSibling.className, e.nextElementSibling.getAttribute('src').split('?')[0],
            e.textContent]; }"""


@pytest.fixture(scope="module")
def config_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """``NOTE`` built once for every page the test looks at (it only reads the build)."""
    with serve_built(tmp_path_factory.mktemp("config"), notes={"config.md": NOTE}) as site:
        yield site


@pytest.mark.parametrize(("path", "base"), [("notes/config/", "../.."), ("about/", ".."), ("", ".")])
def test_the_page_has_materials_config_made_by_config_js(
    config_site: ServedSite, page: Any, path: str, base: str
) -> None:
    site = config_site
    html = site.build.page(f"zh-Hant-TW/{path}index.html")
    assert 'id="__config"' not in html
    assert f'<script>__md_scope=new URL("{base}",location)</script>' in html
    page.goto(site.variant_url("zh-Hant-TW", path))
    page.wait_for_function("document.querySelector('.md-search__input') !== null")
    count, tag, before, after, text = page.evaluate(LIVE)
    assert count == 1 and tag == '<script id="__config" type="application/json"></script>'
    # Where Material's template wrote it: after the container (and the dialog shell.js draws after
    # it), before config.js (whose script tag names it relatively, as the page was written).
    assert before.startswith("md-") and after.endswith("assets/zhudu/config.js")
    config = json.loads(text)
    assert next(iter(config)) == "base" and config["base"] == base  # as Material's template writes it
    assert {"features", "translations", "search", "annotate", "tags", "version"} <= config.keys()
    assert "/assets/zhudu/search-worker.js?v=" in config["search"]  # put back by config.js
    assert config["translations"]["search.result.placeholder"] == "打字進行搜尋"  # the variant's words
