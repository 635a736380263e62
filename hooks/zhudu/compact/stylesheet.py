"""One stylesheet for every page: Material's two and Zhudu's, joined into ``assets/zhudu/zhudu.css``.

Every page linked three stylesheets, each render-blocking: Material's ``main.<hash>.min.css`` and
``palette.<hash>.min.css`` (with a palette) and Zhudu's ``zhudu.css`` (about 160 bytes of links in
every page, two more requests before a first visit's first paint).  The build writes them as one
file, in the same order (the same cascade), named by the hash of what it holds (``?v=``, as the joined
scripts: ``shared_config.versions``): a new Material or a new ``zhudu.css`` is a new URL.  Material's
files are then left out of the site (``theme_files``: no page loads them), and Zhudu's is shipped
minified (``minify.stylesheet``).  None holds a relative ``url()``, so the joined
file may live beside Zhudu's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import minify

if TYPE_CHECKING:
    from jinja2 import Environment

#: The written file (the name of Zhudu's source, which it replaces in the site).
PATH = "assets/zhudu/zhudu.css"
#: Material's stylesheets as its ``base.html`` names them (``styles`` block).
MATERIAL_RE = re.compile(r"assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css")


def material_sheets(base_source: str, palette: bool) -> list[str]:
    """Material's stylesheets a page links, in ``base.html``'s order (``palette`` only with a palette)."""
    names = list(dict.fromkeys(MATERIAL_RE.findall(base_source)))
    return [name for name in names if palette or "/palette." not in name]


def joined(env: Environment, base_source: str, *, palette: bool) -> str:
    """Material's stylesheets (``material_sheets``) and Zhudu's minified, one after the other."""
    parts = [env.loader.get_source(env, name)[0] for name in material_sheets(base_source, palette)]  # type: ignore[union-attr]
    parts.append(minify.stylesheet(env.loader.get_source(env, PATH)[0]))  # type: ignore[union-attr]
    return "\n".join(part.strip() for part in parts) + "\n"
