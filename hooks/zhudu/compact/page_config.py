"""A page's ``__config`` left out where it only says what ``__md_scope`` says (site size).

Once ``config.js`` holds what every page shares (``shared_config``), a page's JSON is
``{"base": "../.."}``: the path from the page to the variant's root, the same path Material's inline
``__md_scope=new URL("../..",location)`` resolves in the head (its scope is the base unless
``extra.scope`` is set).  ``config.js`` makes the element from that scope instead (as many ``..`` as
the page's path is below the scope's) and puts it where it was, before its own ``<script>``, before
Material's bundle reads it: about 72 bytes of every page.  A page whose JSON holds anything else,
whose base is not such a relative path (``404.html``'s is root-absolute) or whose scope is another
keeps its element.
"""

from __future__ import annotations

import re

_SCOPE_RE = re.compile(r'<script>__md_scope=new URL\("(\.|\.\.(?:/\.\.)*)",location\)</script>')
#: The shared script that makes the element (``shared_config.PATH``), as a page names it.
SCRIPT = "assets/zhudu/config.js?v="
_ELEMENT = '<script id="__config" type="application/json">{{"base": "{base}"}}</script>'


def without_base_only_config(before: str, after: str) -> str:
    """The chrome after a page's content without its ``__config`` when ``config.js`` makes the same."""
    scope = _SCOPE_RE.search(before)
    if scope is None or SCRIPT not in after:
        return after
    element = _ELEMENT.format(base=scope[1])
    return after.replace(element, "", 1) if after.count(element) == 1 else after
