"""Zhudu's own scripts and stylesheet shipped minified.

The sources in ``overrides/assets/zhudu/`` explain themselves at length (a third of their bytes are
comments, a tenth indentation); a reader's browser needs neither.  ``rjsmin`` and ``rcssmin`` (kept
libraries, the minifiers Django Compressor and Webassets use) take out what the languages ignore —
comments and the whitespace no token needs — and nothing else: strings and regular expressions stay
as written and no name is shortened, so a stack trace in the console still names the source's
functions.  License comments (``/*! … */``) are not in our sources; vendored files are not minified.
"""

from __future__ import annotations

import rcssmin
import rjsmin


def script(source: str) -> str:
    """``source`` (JavaScript) minified, ending with a line break."""
    return rjsmin.jsmin(source).strip() + "\n"


def stylesheet(source: str) -> str:
    """``source`` (CSS) minified, ending with a line break."""
    return rcssmin.cssmin(source).strip() + "\n"
