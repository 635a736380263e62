"""The suite's own order: the longest test files are handed to the workers first (``conftest.longest_first``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conftest import REPO, SLOWEST_FILES, longest_first


@dataclass
class Item:
    """What ``longest_first`` reads of a test item."""

    path: Path
    slow: bool = False

    def get_closest_marker(self, name: str) -> object:
        return "slow" if name == "slow" and self.slow else None


def test_the_table_of_slowest_files_names_files_that_exist():
    """A renamed or removed file would silently drop out of the order: its row must go with it."""
    assert sorted(name for name in SLOWEST_FILES if not (REPO / "tests" / name).is_file()) == []


def test_the_collection_starts_with_the_slowest_files_each_file_in_one_run(request):
    """The session's items (the same in every worker): the table's files first, longest first, and each file's
    tests together (``--dist loadfile`` hands a file out where its first test is)."""
    files = [item.path.name for item in request.session.items]
    runs = [name for i, name in enumerate(files) if i == 0 or files[i - 1] != name]
    assert len(runs) == len(set(runs))
    listed = [name for name in runs if name in SLOWEST_FILES]
    assert listed == sorted(listed, key=lambda name: -SLOWEST_FILES[name])
    assert runs[: len(listed)] == listed


def test_the_longest_files_go_first_then_those_marked_slow_then_by_number_of_tests():
    items = [
        Item(Path("tests/test_a.py")),
        *[Item(Path("tests/test_b.py")) for _ in range(3)],
        Item(Path("tests/test_c.py")),
        Item(Path("tests/test_c.py"), slow=True),
        Item(Path("tests/test_serve_first.py")),
        Item(Path("tests/test_serve_delete.py")),
    ]
    ordered = longest_first(items)  # type: ignore[arg-type]
    assert [item.path.name for item in ordered] == [
        "test_serve_first.py",
        "test_serve_delete.py",
        "test_c.py",
        "test_c.py",
        *["test_b.py"] * 3,
        "test_a.py",
    ]
    assert ordered[2:4] == items[4:6]  # a file's tests in their order


def test_ci_hands_the_files_out_in_collection_order():
    """pytest-xdist reorders ``loadfile``'s files by their number of tests unless told not to: the serve files
    (one to five long tests) went last."""
    for path in (".ci/test", ".github/workflows/pages.yml"):
        text = (REPO / path).read_text(encoding="utf-8")
        assert "--dist loadfile --no-loadscope-reorder" in text, path
