"""Material's interface strings for a variant: Zhudu's own wording first, then Material's translation, then English.

Zhudu's wording (``overrides/partials/zd-search-strings.html``) evens out Material's Chinese search
strings; it is a template, as Material's translations are, so an author's ``overrides`` can change it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

OWN_STRINGS = "partials/zd-search-strings.html"


def material_strings(env: Any) -> Callable[[str, str], str]:
    """``t(language, key)``: the string ``key`` in Material's ``language`` (``zh``, ``zh-TW``, ``zh-Hant``)."""
    own = env.get_template(OWN_STRINGS).module
    fallback = env.get_template("partials/languages/en.html").module

    def t(language: str, key: str) -> str:
        module = env.get_template(f"partials/languages/{language}.html").module
        return str(own.t(language, key) or module.t(key) or fallback.t(key) or key)

    return t
