"""Every case of the hostile-input corpus (``tests/hostile.py``), built for real and checked the same way.

Per case: the build ends with a message or a site, never a traceback; ``seeds/`` is byte-identical;
nothing from outside the repository is in the site; no output file (HTML, JSON, XML) holds a live
script or loads from another host; the build takes seconds; and the author is told (a warning that
makes ``--strict`` fail, or an error) exactly when the case says so.

The cases of one note with the default settings and data files, cheap to build, are built together
(``SHARED_BUILD`` at a time), each note under its case's name: a case's warnings are the ones naming
its file, every warning must name one, and a case is checked on its own pages and the site's shared
files.  A case that stops the build, changes settings, data files or links, has several notes, or
guards the time budget is built alone, as the author would have it.
"""

from __future__ import annotations

import re
import resource
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import build_site
from hostile import CASES, PROBE, SENTINEL, Case, prepare, tree_digest
from sitescan import scan_site, text_outside_note_body

pytestmark = pytest.mark.slow  # a build per case: long, so collected first (conftest)

#: CPU seconds one build may take, with its forked workers (the issue asks for under 10 s a case;
#: a shared build is held to the same bound for all its cases).
#: CPU, not wall time: on a machine busy with other work a 2-note build waited past 10 s for a core.
BUDGET = 10.0

#: Cases built in one site at most.
SHARED_BUILD = 24

#: One-note cases still built alone: each guards the time one costly note may take, or reads the
#: note's name or format in a way a shared build would change (its slug, TOML front matter).
ALONE = frozenset(
    {
        "slug-escape",
        "toml-bad-date",
        "yaml-alias-bomb",
        "yaml-deep-nesting",
        "tags-50000",
        "title-very-long",
        "list-2000-levels",
        "list-100-levels",
        "hexo-note-1500-deep",
        "hugo-notice-1500-deep",
        "unclosed-brackets",
        "unclosed-link-targets",
        "emphasis-run",
        "missing-images-one-paragraph",
        "md-in-html-500-deep",
        "note-3-mib",
        "heading-hash-run",
        "heading-underscore-pairs",
        "bare-url-long-idn-host",
    }
)


def _shareable(case: Case) -> bool:
    return (
        set(case.notes) == {"bad.md"}
        and not (case.editorial or case.zhudu or case.links)
        and case.expect != "error"
        and case.name not in ALONE
    )


def _file_of(case: Case) -> str:
    """The case's note in a shared build: named after the case."""
    return f"{case.name}.md"


def _groups() -> dict[str, tuple[Case, ...]]:
    """Case name → the cases built with it (itself alone, or a shared build's)."""
    shared = [c for c in CASES if _shareable(c)]
    count = -(-len(shared) // SHARED_BUILD)
    groups = [tuple(shared[i::count]) for i in range(count)]  # as even as they go
    groups += [(c,) for c in CASES if not _shareable(c)]
    return {case.name: group for group in groups for case in group}


GROUPS = _groups()


@dataclass(frozen=True)
class Built:
    """One build of one or more cases."""

    ok: bool
    log: str
    warnings: list[str]
    seconds: float
    site: Path
    problems: list[str]  # each starts with the site-relative path it was found in


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the build's forked workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _problems(site: Path) -> list[str]:
    """Every file of the site that breaks a rule, with its site-relative path first."""
    problems = []
    for path in sorted(site.rglob("*")):
        where = str(path.relative_to(site))
        if path.is_symlink():
            problems.append(f"{where}: a symlink")
        elif path.is_file():
            data = path.read_bytes()
            if SENTINEL.encode() in data:
                problems.append(f"{where}: a file from outside the repository")
            if b"root:x:0:0" in data:
                problems.append(f"{where}: /etc/passwd")
            # what the note wrote after its HTML stays in the note, in every variant
            in_note = path.suffix == ".html" and b"zd-note__body" in data and PROBE.encode() in data
            if in_note and text_outside_note_body(data.decode(), PROBE):
                problems.append(f"{where}: the note escaped its body")
    _, hazards = scan_site(site)
    return problems + hazards


def build_group(root: Path, group: tuple[Case, ...]) -> Built:
    """Build ``group``'s cases in ``root`` (a shared build names each note after its case)."""
    if len(group) == 1:
        project = group[0]
    else:
        notes = {_file_of(c): c.notes["bad.md"] for c in group}
        project = Case(name="shared", expect="warn", notes=notes)
    prepare(root, project)  # written first, so the digest sees the notes as the author left them
    before = tree_digest(root / "seeds")
    started = _cpu_seconds()
    result = build_site(root, editorial=project.editorial, zhudu=project.zhudu, strict=False)
    seconds = _cpu_seconds() - started
    assert tree_digest(root / "seeds") == before, "the build changed seeds/"
    problems = _problems(result.site_dir) if result.ok else []
    return Built(result.ok, result.log, result.warnings, seconds, result.site_dir, problems)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """Each group's build, made when its first case is checked."""
    made: dict[str, Built] = {}

    def get(group: tuple[Case, ...]) -> Built:
        key = group[0].name
        if key not in made:
            made[key] = build_group(tmp_path_factory.mktemp("hostile") / "site", group)
        return made[key]

    return get


def _names(file: str) -> re.Pattern[str]:
    """A message naming ``file`` (not a longer name ending in it)."""
    return re.compile(rf"(?<![\w.-]){re.escape(file)}")


def _own(group: tuple[Case, ...], case: Case, built: Built) -> tuple[list[str], list[str], str]:
    """The case's warnings, the problems of its pages and of the site's shared files, and its ``says``."""
    if len(group) == 1:
        return built.warnings, built.problems, case.says
    file = _file_of(case)
    others = [c for c in group if c is not case]
    owners = {c.name: _names(_file_of(c)) for c in group}
    unnamed = [w for w in built.warnings if not any(p.search(w) for p in owners.values())]
    assert unnamed == [], f"warnings of a shared build that name no case's note: {unnamed}"
    warnings = [w for w in built.warnings if owners[case.name].search(w)]
    other_pages = tuple(f"/notes/{c.name}/" for c in others)
    problems = [p for p in built.problems if not any(o in "/" + p.split(":", 1)[0] for o in other_pages)]
    return warnings, problems, case.says.replace("bad.md", file)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(built, case):
    group = GROUPS[case.name]
    result = built(group)
    assert "Traceback" not in result.log, result.log[-3000:]
    assert result.seconds < BUDGET, f"{case.name}: {result.seconds:.1f} s CPU ({len(group)} cases)"
    if case.expect == "error":
        assert not result.ok
        assert case.says in result.log, result.log[-2000:]
        return
    assert result.ok, result.log[-3000:]
    warnings, problems, says = _own(group, case, result)
    if case.expect == "warn":
        assert warnings, f"{case.name}: no warning, so --strict would pass"
        if says:
            assert any(says in w for w in warnings), warnings
    else:
        assert not warnings, warnings
    if any(isinstance(text, str) and PROBE in text for text in case.notes.values()):
        # what the note wrote after its HTML is on its page, in every variant (not taken away with it)
        others = {c.name for c in group if c is not case}
        shown = [
            p
            for p in result.site.glob("*/notes/*/index.html")
            if p.parent.name not in others and PROBE in p.read_text(encoding="utf-8")
        ]
        assert len(shown) == 3, f"{case.name}: the note's last paragraph is on {len(shown)} pages"
    assert problems == [], problems
