"""The package's shape (issue 19): the hook holds the MkDocs events only, and no module outgrows one stage."""

from __future__ import annotations

from conftest import REPO

HOOKS = REPO / "hooks"


def lines(path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_hook_module_holds_the_events_only():
    assert lines(HOOKS / "zhudu_hook.py") <= 200


def test_no_module_is_over_500_lines():
    too_long = {p.relative_to(HOOKS).as_posix(): lines(p) for p in HOOKS.rglob("*.py") if lines(p) > 500}
    assert too_long == {}, "split these into modules of one stage each"
