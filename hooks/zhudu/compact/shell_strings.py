"""What ``shell.js`` draws the header's JavaScript-only controls and the back-to-top button from.

The palette toggle, the search button and dialog, the back-to-top button and the progress bar
work only with JavaScript (without it Material shows no toggle, its CSS hides search, the button
stays ``hidden``, and there is no instant navigation), so ``shell.js`` draws them (``overrides/assets/zhudu/shell.js``).  What it draws them
from is the same on every page of a variant: the palette's options, the icons and the strings.  It
was carried by every page (``data-zd-palette``, ``data-zd-search``, ``data-zd-text``: about 450
bytes); it is now in the shared ``config.js`` (``window.zdShell``, this module), and a page keeps
nothing of them (``partials/palette.html``, ``search.html``: the palette's form goes after the
header's title, the search dialog's element at the end of the header's bar; the back-to-top button,
``partials/top.html``, after Material's container, the progress bar of instant navigation,
``partials/progress.html``, after its dialog).

The templates decide whether a page carries the compact form (every icon a CSS mask, no automatic
palette option, no ``search.share``); the values here are those the templates wrote, computed from
the same configuration: Material's strings as markers filled per variant, the palette toggles'
names converted as a page's text is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..script import variants

#: The instant-navigation progress bar's accessible name (partials/progress.html).
PROGRESS_NAME = "页面加载进度"


def _mark(key: str) -> str:
    return f"{variants.MARK_OPEN}{key}{variants.MARK_CLOSE}"


def _icon(name: str) -> str:
    return name.replace("/", "-")


def part(theme: Mapping[str, Any], convert: Callable[[str], str], *, search: bool = True) -> dict[str, str]:
    """One variant's values: markers for Material's strings, ``convert`` for the toggles' names.

    No palette where Material's header has no toggle (a single palette, a mapping), no search
    where its search plugin is off: ``shell.js`` draws only what the templates would have written.
    """
    palette = theme.get("palette") or []
    if isinstance(palette, Mapping):
        palette = []
    icon = theme.get("icon") or {}
    options = []
    for option in palette:
        toggle = option.get("toggle") or {}
        options.append(
            " ".join(
                (
                    (option.get("scheme") or "default").replace(" ", "-"),
                    (option.get("primary") or "indigo").replace(" ", "-"),
                    (option.get("accent") or "indigo").replace(" ", "-"),
                    _icon(toggle["icon"]) if toggle.get("icon") else "-",
                    option.get("media") or "",
                )
            )
        )
    search_icons = [
        icon.get("search") or "material/magnify",
        icon.get("previous") or "material/arrow-left",
        icon.get("close") or "material/close",
    ]
    return {
        "palette": "|".join(options),
        "paletteText": "|".join(convert((o.get("toggle") or {}).get("name") or "") for o in palette),
        "search": " ".join(_icon(i) for i in search_icons) if search else "",
        "searchName": _mark("search"),
        "searchText": "|".join(
            _mark(k) for k in ("search.placeholder", "search.reset", "search.result.initializer")
        ),
        "top": f"{_icon(icon.get('top') or 'material/arrow-up')} {_mark('top')}",
        "progress": convert(PROGRESS_NAME),
    }


def for_variants(
    theme: Mapping[str, Any],
    codes: Sequence[str],
    converter: Callable[[str], Callable[[str], str]],
    *,
    search: bool = True,
) -> dict[str, dict[str, str]]:
    """Each variant's values, markers still in (``shared_config.script`` fills them per variant)."""
    return {code: part(theme, converter(code), search=search) for code in codes}
