"""Material's ``__config``: a page keeps its own ``base``, ``assets/zhudu/config.js`` the rest.

The shared part is computed before any page is rendered (``zhudu.compact.shared_config``), from the
keys of Material's ``config`` block in its ``base.html``: these tests check it against what that
block writes into a rendered page (the page's JSON, as the browser has it once config.js ran, is
Material's whole configuration in the variant's words), and that a page whose JSON differs from the
shared part keeps it whole.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

import material
import pytest

from conftest import build_site, repo_config
from zhudu.compact import page_config, shared_config

NOTE = "---\ntitle: 配置\n---\n\n第一段。\n"
_CONFIG_RE = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_BASE = (Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("config"), notes={"config.md": NOTE})
    assert result.ok, result.log
    return result


def _shared(site) -> dict:
    text = (site.site_dir / shared_config.PATH).read_text("utf-8")
    return json.loads(re.search(r"var config = (\{.*\});\n", text)[1])


def _materials_keys() -> set[str]:
    """The top-level keys of the dict Material's ``config`` block writes (read here on their own)."""
    block = re.search(r"\{% block config %\}(.*?)\{% endblock %\}", _BASE, re.S)[1]
    return set(re.findall(r'^\s{10}"([a-z]+)":', block, re.M))


@pytest.mark.parametrize(
    ("variant", "placeholder"),
    [("zh-Hans", "键入以开始搜索"), ("zh-Hant-TW", "打字進行搜尋"), ("zh-Hant-HK", "輸入字詞開始搜尋")],
)
def test_a_page_and_the_shared_script_make_materials_whole_config(site, variant, placeholder):
    html = site.page(f"{variant}/notes/config/index.html")
    # The page's JSON was {"base": "../.."}, the scope's path: config.js makes it (page_config), and
    # puts Zhudu's worker's URL back (test_search.py).
    assert not _CONFIG_RE.search(html) and '<script>__md_scope=new URL("../..",location)</script>' in html
    page = {"base": "../.."}
    script = re.search(r'<script defer src="((?:\.\./)+assets/zhudu/config\.js)\?v=(\w+)"></script>', html)
    assert script, "the shared script is named, with its version"
    text = (site.site_dir / shared_config.PATH).read_bytes()
    assert script[2] == hashlib.sha256(text).hexdigest()[:12]
    assert html.index("config.js?v=") < html.index("bundle.") < html.index("reader.js?v=")  # read first
    whole = {**page, "search": "(config.js)", **_shared(site)[variant]}
    assert (
        set(whole)
        == _materials_keys()
        == {"base", "features", "translations", "search", "annotate", "tags", "version"}
    )
    assert whole["features"] == repo_config()["theme"]["features"]
    assert set(whole["translations"]) == set(re.findall(r'lang\.t\("([a-z.]+)"\)', _BASE)[-10:])
    assert whole["translations"]["search.result.placeholder"] == placeholder
    assert not any("\ue000" in v for v in whole["translations"].values())


def test_the_shared_script_leaves_a_page_that_kept_its_whole_config(site):
    text = (site.site_dir / shared_config.PATH).read_text("utf-8")
    assert '"features" in page) return' in text


def test_a_config_that_differs_from_the_shared_part_is_kept_whole():
    shared = shared_config.shared_part(["toc.follow"], {}, ["clipboard.copy"])
    marked = "\\ue000clipboard.copy\\ue001"
    page = (
        '<script id="__config" type="application/json">{"annotate": null, "base": "..", "features": '
        f'["toc.follow"], "search": "s.js", "tags": null, "translations": {{"clipboard.copy": "{marked}"}}, '
        '"version": null}</script>'
    )
    assert shared_config.shorten(page, shared) == (
        '<script id="__config" type="application/json">{"base": "..", "search": "s.js"}</script>'
    )
    other = page.replace('"tags": null', '"tags": {"a": 1}')
    assert shared_config.shorten(other, shared) == other
    assert shared_config.shorten(page, None) == page


@pytest.mark.parametrize(
    ("base", "search", "dropped"),
    [
        ("../..", "../../assets/zhudu/search-worker.js?v={v}", True),
        (".", "assets/zhudu/search-worker.js?v={v}", True),
        ("/project", "/project/assets/zhudu/search-worker.js?v={v}", True),  # 404.html
        ("../..", "../assets/zhudu/search-worker.js?v={v}", False),  # not where config.js finds it
        ("../..", "../../assets/zhudu/search-worker.js?v=000000000000", False),  # another version
        ("..", "../assets/javascripts/workers/search.1e90e0fb.min.js", False),  # Material's search
    ],
)
def test_zhudus_worker_url_leaves_the_page_only_where_config_js_puts_the_same_back(base, search, dropped):
    shared = shared_config.shared_part(["toc.follow"], {}, [])
    url = search.format(v=shared_config.worker_url().partition("?v=")[2])
    whole = {**shared, "base": base, "search": url}
    page = f'<script id="__config" type="application/json">{json.dumps(whole)}</script>'
    own = json.loads(re.search(r">(.*)<", shared_config.shorten(page, shared))[1])
    assert own == ({"base": base} if dropped else {"base": base, "search": url})
    here = posixpath.join(base, posixpath.dirname(shared_config.PATH), shared_config.worker_url())
    assert (posixpath.normpath(here) == posixpath.normpath(url)) is dropped


@pytest.mark.parametrize(
    ("scope", "config", "dropped"),
    [
        ("../..", '{"base": "../.."}', True),
        (".", '{"base": "."}', True),
        ("..", '{"base": "../.."}', False),  # another path than the scope's
        ("/project/", '{"base": "/project/"}', False),  # 404.html: root-absolute
        ("../..", '{"base": "../..", "search": "s.js"}', False),  # more than the base
    ],
)
def test_a_json_holding_only_the_scopes_path_is_left_to_config_js(scope, config, dropped):
    before = f'<head><script>__md_scope=new URL("{scope}",location)</script></head><body>'
    element = f'<script id="__config" type="application/json">{config}</script>'
    after = f'</div>{element}<script defer src="../../../assets/zhudu/config.js?v=0123456789ab"></script>'
    left = page_config.without_base_only_config(before, after)
    assert left == (after.replace(element, "") if dropped else after)
    # Not without config.js to make it, nor with Material's helpers written with the scope.
    assert (
        page_config.without_base_only_config(before, after.replace("config.js", "other.js")).count(element)
        == 1
    )
    helpers = before.replace(",location)", ",location),__md_hash=e=>0")
    assert page_config.without_base_only_config(helpers, after) == after


def test_materials_config_keys_are_read_from_its_base_template():
    keys = shared_config.material_keys(_BASE)
    assert len(keys) == 10 and keys[0] == "clipboard.copy" and "search.result.placeholder" in keys
