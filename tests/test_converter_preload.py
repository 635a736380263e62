"""Before the notes are read, a build loads what every converter shares, not a converter for a guessed domain.

``pagewriter.start_writers`` (``on_config``) loads OpenCC's dictionaries and the rules once, before the
page writers fork (``script.preload``); converters are made only for the domain the notes decide
(``publish/conversion_domain.py``).  Before, the Traditional variants' converters were made for the
guessed general domain and, in a collection of software notes, made again for the software one.  With
page writers to fork, the regional layer's matcher of each domain the notes may decide is compiled before
the fork, so the writers inherit it instead of compiling it again.
Real MkDocs builds; the converters the build process makes, and the matchers each process compiles, are recorded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from conftest import build_site
from zhudu.publish import site_scripts
from zhudu.script import convert, regional
from zhudu.script.domain import GENERAL, SOFTWARE

SOFTWARE_BODY = "先安装，再运行下面的命令：\n\n```bash\nls -l\n```\n"
GENERAL_BODY = "今天天气很好，我们去公园散步，看见很多人在湖边钓鱼。\n"


def _note(body: str, day: int) -> str:
    return f"---\ntitle: 用命令启动程序{day}\ndate: 2024-01-{day:02d}\n---\n\n{body}"


def _made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every converter made in this process: (variant, source script, domain)."""
    made: list[tuple[str, str, str]] = []
    monkeypatch.setattr(site_scripts, "_CONVERTERS", {})  # none kept from an earlier build in this process
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


@pytest.mark.parametrize(
    ("body", "setting"), [(SOFTWARE_BODY, None), (GENERAL_BODY, None), (GENERAL_BODY, "software")]
)
def test_page_writers_inherit_the_regional_matchers_compiled_before_they_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, setting: str | None
) -> None:
    """With page writers, the build process compiles the regional matcher of each domain the notes may decide
    before forking them, so no writer compiles one again (each did: TW and HK, 0.1-0.2 s a writer)."""
    compiled = tmp_path / "compiled.txt"
    matcher = regional.RegionalRules.matcher

    def recorded(self: regional.RegionalRules, code: str, script: str, domain: str = "") -> Any:
        if (code, script, domain) not in self._cache:  # a compile, in whichever process runs it
            with compiled.open("a", encoding="utf-8") as out:
                out.write(f"{os.getpid()} {code} {script} {domain or '-'}\n")
        return matcher(self, code, script, domain)

    monkeypatch.setattr(regional.RegionalRules, "matcher", recorded)
    regional.default_regional.cache_clear()  # nothing compiled by an earlier test in this process
    notes = {f"n{day}.md": _note(body, day) for day in (2, 3)}
    zhudu = {"workers": 2, **({"conversion_domain": setting} if setting else {})}
    result = build_site(tmp_path / "p", notes=notes, zhudu=zhudu)
    regional.default_regional.cache_clear()
    assert result.ok, result.log
    lines = compiled.read_text(encoding="utf-8").splitlines()
    assert {line.split()[0] for line in lines} == {str(os.getpid())}, lines
    domains = {line.split()[3] for line in lines if line.split()[1] == "zh-Hant-TW"}
    assert domains == ({"software"} if setting else {"-", "software"})
