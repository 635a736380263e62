"""Compiled Jinja templates kept between the builds of one process (``mkdocs serve``).

MkDocs makes a new Jinja environment for every build, so every rebuild compiles
Material's templates and ours again (a few hundred milliseconds).  A Jinja
bytecode cache held in memory for the process lifetime, on purpose, lets a
rebuild reuse them.  Jinja checks each template's source checksum before using
its cached code, so an edited template is compiled afresh; the rendered output
is the same either way.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode kept in a dict (keyed by Jinja's template key; checked by source checksum)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket its cached code, if any (Jinja discards it if the source changed)."""
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template's code."""
        self._store[bucket.key] = bucket.bytecode_to_string()


#: One cache for the process: the point is to outlive a build's environment.
_CACHE = MemoryBytecodeCache()


def use(env: Environment) -> None:
    """Make ``env`` reuse the templates compiled by earlier builds of this process."""
    if env.bytecode_cache is None:
        env.bytecode_cache = _CACHE
