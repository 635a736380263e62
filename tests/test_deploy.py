"""``mkdocs gh-deploy`` for real: a working clone pushes the built site to a local bare repository.

GitHub Pages (branch mode) serves the ``gh-pages`` branch; this checks that branch holds
every variant of the site, ready to serve, with ``.nojekyll`` so ``_``-prefixed files survive.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import REPO, copy_sources

MKDOCS = str(REPO / ".venv" / "bin" / "mkdocs")


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_gh_deploy_publishes_every_variant_to_the_gh_pages_branch(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    _git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    work = tmp_path / "work"
    copy_sources(work)
    _git("init", "-q", "-b", "main", cwd=work)
    _git("add", "-A", cwd=work)
    _git("commit", "-q", "-m", "notes", cwd=work)
    _git("remote", "add", "publish", str(remote), cwd=work)

    env = {
        **os.environ,
        "SITE_URL": "https://example.github.io/zhudu/",
        "NO_MKDOCS_2_WARNING": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        [
            MKDOCS,
            "gh-deploy",
            "--strict",
            "--remote-name",
            "publish",
            "--remote-branch",
            "gh-pages",
            "--force",
            "--no-history",
            "--message",
            "Deploy {sha} with MkDocs {version}",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    files = set(_git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
        assert f"{variant}/index.html" in files
        assert f"{variant}/404.html" in files
        assert f"{variant}/sitemap.xml" in files
        assert f"{variant}/search/search_index.json" in files
        assert f"{variant}/notes/technology-devolution-2025/index.html" in files
    assert {".nojekyll", "index.html", "404.html"} <= files
    assert not any(name.startswith(("seeds/", "docs/", "hooks/")) for name in files)

    # What is published is the build for SITE_URL, in the variant's script.
    tw = _git("show", "gh-pages:zh-Hant-TW/notes/technology-devolution-2025/index.html", cwd=remote)
    assert '<html lang="zh-Hant-TW"' in tw
    assert "https://example.github.io/zhudu/zh-Hant-TW/notes/technology-devolution-2025/" in tw
    assert "權力" in tw and "权力" not in tw.split("<body", 1)[1].split("<script", 1)[0]
    # --no-history: one commit, naming the deployed source commit.
    log = _git("log", "--format=%s", "gh-pages", cwd=remote).splitlines()
    head = _git("rev-parse", "--short", "HEAD", cwd=work).strip()
    assert log == [f"Deploy {head} with MkDocs 1.6.1"]
