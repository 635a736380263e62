"""The overview's graph: notes on the left, themes on the right, an edge where a note carries a theme.

The SVG carries no text at all (the variant converter skips ``<svg>``): its labels are HTML
links positioned over it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from zhudu import fragments
from zhudu.themes.theme_index import ThemeIndex, passage_counts
from zhudu.themes.urls import rel_url, theme_url

if TYPE_CHECKING:
    from zhudu.themes.render import NoteInfo


@dataclass(frozen=True)
class GraphNode:
    """A node of the notes–themes graph, positioned in a 0–100 box."""

    kind: str  # "note" | "theme"
    id: str
    label: str
    href: str
    x: float
    y: float
    size: int  # passages


def graph_layout(index: ThemeIndex, notes: Sequence[NoteInfo], page_url: str) -> dict[str, Any]:
    """A deterministic two-column layout: notes on the left, themes on the right.

    Notes keep corpus order and are spread evenly; each theme sits at the
    barycentre of the notes it links (weighted by passages), then themes are
    spread evenly in that order (ties by map order), which keeps edges short
    and crossings few.  Returns the SVG of the edges (no text: the variant converter
    skips SVG) and the nodes' positions in percent, for the HTML labels and dots: the SVG
    is stretched to its box (``preserveAspectRatio="none"``), which would squash circles.
    """
    width, height = 640, max(320, 36 * max(len(index.theme_map.themes), len(notes)) + 40)
    note_x, theme_x = 0.22, 0.70
    note_y = {n.id: (i + 0.5) / len(notes) for i, n in enumerate(notes)}
    counts = passage_counts(index)
    linked = [t for t in index.theme_map.themes if counts[t.id]]
    bary = {}
    for order, theme in enumerate(linked):
        total = sum(counts[theme.id].values())
        bary[theme.id] = (
            sum(note_y[n] * c for n, c in counts[theme.id].items() if n in note_y) / total,
            order,
        )
    ordered = sorted(linked, key=lambda t: bary[t.id])
    theme_y = {t.id: (i + 0.5) / len(ordered) for i, t in enumerate(ordered)}
    peak = max((c for per in counts.values() for c in per.values()), default=1)
    nodes = [
        GraphNode(
            "note",
            n.id,
            n.title,
            rel_url(page_url, n.url),
            note_x,
            note_y[n.id],
            sum(counts[t][n.id] for t in counts if n.id in counts[t]),
        )
        for n in notes
    ]
    nodes += [
        GraphNode(
            "theme",
            t.id,
            t.name,
            rel_url(page_url, theme_url(t.id)),
            theme_x,
            theme_y[t.id],
            sum(counts[t.id].values()),
        )
        for t in ordered
    ]
    edges = []
    for theme in ordered:
        for note_id, c in sorted(counts[theme.id].items()):
            if note_id not in note_y:
                continue
            x1, y1 = note_x * width, note_y[note_id] * height
            x2, y2 = theme_x * width, theme_y[theme.id] * height
            mid = (x1 + x2) / 2
            path = f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
            edges.append((theme.id, note_id, path, f"{1 + 5 * c / peak:.2f}"))
    largest = max(1, max(n.size for n in nodes))
    return {
        "svg": fragments.render("zd-themes-marks.html", "graph_svg", width=width, height=height, edges=edges),
        "height_em": round(height / 16, 1),
        "nodes": [
            {
                "kind": n.kind,
                "label": n.label,
                "href": n.href,
                "x": f"{n.x * 100:.2f}",
                "y": f"{n.y * 100:.2f}",
                "r": f"{5 + 5 * math.sqrt(n.size / largest):.1f}",  # the dot's radius in px
                "size": n.size,
            }
            for n in nodes
        ],
    }
