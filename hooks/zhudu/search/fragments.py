"""A page's fragment files: its passages as a variant shows them, written once for the variants.

A fragment file holds up to ``FRAGMENT_PASSAGES`` passages of a page: ``{"l": url, "t": title, "h":
[headings], "p": [[anchor, heading, text, (folded edits or 0, (notes))], …]}`` (``shards.py``); ``notes``:
where a passage's editor's notes are in its folded canonical text (``[start, end, …]``, UTF-16 code units,
every variant's: a patch does not repeat them), so that a snippet sets a note's words apart from the author's
(the worker ranks a hit only in a note from the postings, ``grams.NOTED``, before any fetch).  The three variants'
texts differ in a few words a passage (and, Simplified against Traditional, in the characters the
fold table maps), so one variant's files (the base's, Traditional) are written whole, once, in the
site's own ``search/`` folder, and every other variant's passages as a patch inside the base's file
of the same name (``"v"``: variant → patch), so that a reader of any variant fetches one file, as
before (a request more a file cost a phone two round trips on a server without HTTP/2):

``{"p": [row, …], "t": title, "h": [headings]}``: ``t`` and ``h`` only where they are not the base's
(mapped), a heading that is the base's (mapped) at its place written ``0``; a row is ``0`` when the
passage reads as the base's (mapped) and has no folded edits, else ``[text edits, folded edits or 0,
heading]`` without what is the default (the heading: the base row's).  "Mapped": each character through the fold table (Traditional → Simplified, length kept)
for a variant written in Simplified script, as it is for the others.  The text edits are
``edits.folded_edits``' (``[at, removed, "inserted", …]``), so that the worker rebuilds the text
byte for byte; a file whose passages are not the base's (another anchor) is written whole, ``"x":
1``, as its patch; a variant whose pages or passage counts are not the base's writes its own files
whole.  A reference page's files (the glossary: its entries are passages known by their headings) say so,
``"r": 1`` (the worker weighs its passages under the notes' of as good a match).  The worker
(``search-worker.js``, ``patched``) and ``apply_patch`` here read them alike.
Hexo documentation: the three variants' fragments 505 → 192 KB stored (bench/RESULTS.md, session 24).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from zhudu.search.edits import folded_edits
from zhudu.search.extract import PageText
from zhudu.search.postings import json_text, sha

#: Passages per fragment file: a result list shows a few passages of each page it names.
FRAGMENT_PASSAGES = 16

#: A file of the index: its text and SHA-256.
Blob = tuple[str, str]
#: A passage before its file numbers the headings: ``[anchor, section, text, (folded edits or 0, (notes))]``.
Row = list[Any]


def chunks(rows: Sequence[Row]) -> list[tuple[list[str], list[Row]]]:
    """Each file's headings and rows (heading by its place in the file's list)."""
    out = []
    for start in range(0, max(len(rows), 1), FRAGMENT_PASSAGES):
        # A section's passages follow one another: its heading is written once a file ("h"), each
        # passage naming it by its place (on the Hexo documentation a third of the headings' bytes).
        headings: dict[str, int] = {}
        chunk = [
            [row[0], headings.setdefault(row[1], len(headings)), *row[2:]]
            for row in rows[start : start + FRAGMENT_PASSAGES]
        ]
        out.append((list(headings), chunk))
    return out


def page_files(
    page: PageText, rows: Sequence[Row], base: PageText | None, mapping: Mapping[int, str] | None
) -> list[Blob]:
    """A page's fragment files: whole, or patches on its ``base`` page's (the base variant's)."""
    where = {"l": page.url, **({"r": 1} if is_reference(page) else {})}
    if base is None:
        return whole_files(where, page.title, rows)
    base_rows = [[p.anchor, p.section or base.title, p.text] for p in base.passages]
    return patch_files(where, page.title, rows, base.title, base_rows, mapping)


def is_reference(page: PageText) -> bool:
    """Whether the page is a reference (the glossary): a passage known by its heading's id, an entry's."""
    return any(p.anchor == p.section_id for p in page.passages)


def whole_files(where: Mapping[str, Any], title: str, rows: Sequence[Row]) -> list[Blob]:
    """A page's fragment files, each whole; ``where``: its address (``l``) and whether it is a reference (``r``)."""
    return [_blob({**where, "t": title, "h": h, "p": p}) for h, p in chunks(rows)]


def patch_files(
    where: Mapping[str, Any],
    title: str,
    rows: Sequence[Row],
    base_title: str,
    base_rows: Sequence[Row],
    mapping: Mapping[int, str] | None,
) -> list[Blob]:
    """A page's fragment files as patches on the base variant's (``rows`` as many as ``base_rows``).

    ``mapping``: the fold table as a ``str.translate`` table, for a Simplified variant; else None.
    """
    mapped = functools.partial(_mapped, mapping=mapping)
    files = []
    for (headings, chunk), (base_headings, base_chunk) in zip(chunks(rows), chunks(base_rows), strict=True):
        if [row[0] for row in chunk] != [row[0] for row in base_chunk]:
            files.append(_blob({"x": 1, **where, "t": title, "h": headings, "p": chunk}))
            continue
        patch: dict[str, Any] = {
            "p": [_patch_row(row, base, mapped(base[2])) for row, base in zip(chunk, base_chunk, strict=True)]
        }
        if title != mapped(base_title):
            patch["t"] = title
        known = [mapped(h) for h in base_headings]
        if headings != known:  # each heading the base's (mapped) written 0
            patch["h"] = [0 if i < len(known) and h == known[i] else h for i, h in enumerate(headings)]
        files.append(_blob(patch))
    return files


def _patch_row(row: Row, base: Row, base_text: str) -> Any:
    out: list[Any] = [
        folded_edits(base_text, row[2]) if row[2] != base_text else [],
        row[3] if len(row) > 3 else 0,
    ]
    if row[1] != base[1]:
        return [*out, row[1]]
    if not out[1]:
        out.pop()
        if not out[0]:
            return 0
    return out


def with_patches(blob: Blob, patches: Mapping[str, str] | None) -> Blob:
    """A base's file with the other variants' patches on it (``"v"``: variant → patch), their JSON as made."""
    if not patches:
        return blob
    text = str(blob[0])
    assert text.endswith("}") and '"v":' not in text[-2:]  # "v" sorts after the file's own keys
    inner = ",".join(f"{json_text(code)}:{patches[code]}" for code in sorted(patches))
    text = f'{text[:-1]},"v":{{{inner}}}}}'
    return text, sha(text)


class PatchedFiles:
    """The base's files with their patches (``with_patches``), kept for the next save under ``mkdocs serve``.

    A file whose base text (by its SHA-256) and patches are the last call's (the kept records'
    strings: compared by identity first) comes back as it was: a save re-made and hashed every
    base file (7,776 at 3,000 notes), not only the edited page's.  ``remember=False`` (a build)
    keeps nothing.
    """

    def __init__(self, remember: bool = True) -> None:
        self.remember = remember
        self.last: dict[str, tuple[Blob, Mapping[str, str] | None, Blob]] = {}

    def __getstate__(self) -> dict[str, Any]:
        # A serve's assembly is stored without them: as large as the base's files, remade in one save.
        return {"remember": self.remember, "last": {}}

    def files(
        self, fragments: list[tuple[str, Blob]], patches: dict[str, Mapping[str, str]]
    ) -> list[tuple[str, Blob]]:
        """``fragments`` (``(name, blob)``) with the patches of each name on it, in place, in order.

        Each file is replaced as its patched text is made, and its patches are taken out of
        ``patches``: a build holds the base's texts, the patches and the patched texts (18 million
        characters at 3,000 notes) each once, not all three side by side (the build's peak).
        """
        now: dict[str, tuple[Blob, Mapping[str, str] | None, Blob]] = {}
        for i, (name, blob) in enumerate(fragments):
            its = patches.pop(name, None)
            last = self.last.get(name)
            if last is None or last[0][1] != blob[1] or last[1] != its:
                last = (blob, its, with_patches(blob, its))
            if self.remember:
                now[name] = last  # the last save's entry itself when nothing changed: nothing made
            fragments[i] = (name, last[2])
        self.last = now
        return fragments


def apply_edits(text: str, edits: Sequence[Any]) -> str:
    """``text`` with ``edits`` (``[at, removed, "inserted", …]``, UTF-16 places) applied (``edited`` in the worker)."""
    units = text.encode("utf-16-le")
    out, at = [], 0
    for i in range(0, len(edits), 3):
        out += [units[2 * at : 2 * edits[i]], edits[i + 2].encode("utf-16-le")]
        at = edits[i] + edits[i + 1]
    return b"".join([*out, units[2 * at :]]).decode("utf-16-le")


def apply_patch(
    base: Mapping[str, Any], patch: Mapping[str, Any], mapping: Mapping[int, str] | None
) -> dict[str, Any]:
    """The variant's fragment file from the base's and its patch, as the worker makes it."""
    if patch.get("x"):
        return {k: v for k, v in patch.items() if k != "x"}
    mapped = functools.partial(_mapped, mapping=mapping)
    rows = []
    for row, change in zip(base["p"], patch["p"], strict=True):
        text = mapped(row[2])
        change = change or [[]]
        out = [row[0], change[2] if len(change) > 2 else row[1], apply_edits(text, change[0])]
        if len(change) > 1 and change[1]:
            out.append(change[1])
        if len(row) > 4:  # the notes' places, in the canonical text every variant shares
            out += [0] * (4 - len(out)) + [row[4]]
        rows.append(out)
    return {
        "l": base["l"],
        **({"r": base["r"]} if "r" in base else {}),
        "t": patch.get("t", mapped(base["t"])),
        "h": [mapped(base["h"][i]) if h == 0 else h for i, h in enumerate(patch["h"])]
        if "h" in patch
        else [mapped(h) for h in base["h"]],
        "p": rows,
    }


def _mapped(text: str, mapping: Mapping[int, str] | None) -> str:
    """``text`` through the fold table (a Simplified variant's view of the base's text), else as it is."""
    return text.translate(mapping) if mapping else text


def translation(table: Mapping[str, str]) -> dict[int, str]:
    """The fold table (Traditional → Simplified characters) as a ``str.translate`` table."""
    return {ord(k): v for k, v in table.items()}


def _blob(data: Any) -> Blob:
    text = json_text(data)
    return text, sha(text)
