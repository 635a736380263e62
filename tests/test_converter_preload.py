"""Before the notes are read, a build loads what every converter shares, not a converter for a guessed domain.

``pagewriter.start_writers`` (``on_config``) loads OpenCC's dictionaries and the rules once, before the
page writers fork (``script.preload``); the regional layer's matcher is compiled only for the domain the
notes decide (``publish/conversion_domain.py``).  Before, the Traditional variants' converters were made
for the guessed general domain and, in a collection of software notes, made again for the software one.
Real MkDocs builds; the converters the build process makes are recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import build_site
from zhudu.publish import site
from zhudu.script import convert
from zhudu.script.domain import GENERAL, SOFTWARE

SOFTWARE_BODY = "先安装，再运行下面的命令：\n\n```bash\nls -l\n```\n"
GENERAL_BODY = "今天天气很好，我们去公园散步，看见很多人在湖边钓鱼。\n"


def _note(body: str, day: int) -> str:
    return f"---\ntitle: 用命令启动程序{day}\ndate: 2024-01-{day:02d}\n---\n\n{body}"


def _made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every converter made in this process: (variant, source script, domain)."""
    made: list[tuple[str, str, str]] = []
    monkeypatch.setattr(site, "_CONVERTERS", {})  # none kept from an earlier build in this process
    init = convert.Converter.__init__

    def recorded(
        self: convert.Converter, variant: Any, rules: Any, source_script: str = "Hans", **kw: Any
    ) -> None:
        made.append((variant.code, source_script, kw.get("domain", "")))
        init(self, variant, rules, source_script, **kw)

    monkeypatch.setattr(convert.Converter, "__init__", recorded)
    return made


@pytest.mark.parametrize("workers", [None, 2])
@pytest.mark.parametrize(("body", "domain"), [(SOFTWARE_BODY, SOFTWARE), (GENERAL_BODY, GENERAL)])
def test_the_traditional_variants_converters_are_made_once_for_the_decided_domain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int | None, body: str, domain: str
) -> None:
    made = _made(monkeypatch)
    notes = {f"n{day}.md": _note(body, day) for day in (2, 3)}
    result = build_site(tmp_path / "p", notes=notes, zhudu={} if workers is None else {"workers": workers})
    assert result.ok, result.log
    assert f"conversion domain: {'software' if domain else 'general'}, " in result.log
    traditional = sorted(m for m in made if m[0] != "zh-Hans" and m[1] == "Hans")
    assert traditional == [("zh-Hant-HK", "Hans", domain), ("zh-Hant-TW", "Hans", domain)]
