"""What a ``mkdocs build`` pays for before its pages: no module only ``mkdocs serve`` uses.

The shipped notes are built by the real ``mkdocs build`` command in a process of its own, with a
probe hook beside Zhudu's that records the modules the build imported by its end.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import REPO, copy_sources

MKDOCS = str(REPO / ".venv" / "bin" / "mkdocs")

PROBE = """\
import json
import sys
from pathlib import Path


def on_post_build(config):
    Path(config.config_file_path).with_name("modules.json").write_text(json.dumps(sorted(sys.modules)))
"""


def test_a_build_does_not_import_what_only_serve_uses(tmp_path: Path) -> None:
    """watchdog (``zhudu.watching``: how ``mkdocs serve`` hears a save) is imported by ``on_serve``."""
    root = tmp_path / "project"
    copy_sources(root)
    (root / "zd_probe_hook.py").write_text(PROBE, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/zhudu_hook.py\n" in text
    config.write_text(
        text.replace("  - hooks/zhudu_hook.py\n", "  - hooks/zhudu_hook.py\n  - zd_probe_hook.py\n"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [MKDOCS, "build", "--strict", "-d", "out"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    modules = set(json.loads((root / "modules.json").read_text(encoding="utf-8")))
    assert "zhudu.publish.site" in modules  # the probe saw Zhudu's build
    assert not {"zhudu.watching", "watchdog", "watchdog.events"} & modules
