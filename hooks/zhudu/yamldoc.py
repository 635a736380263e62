"""Parsing YAML data files once each: node tree (for line numbers in messages) and data together."""

from __future__ import annotations

import copy
import functools
from typing import Any

import yaml

#: libyaml's parser where PyYAML was built with it (the wheels are): several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_document(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse one YAML document once: its node tree (for line numbers) and its data.

    Raises:
        yaml.MarkedYAMLError: invalid YAML.
    """
    node, data = _parsed(text)
    return node, copy.deepcopy(data)  # callers own their data; the parse stays cached


@functools.lru_cache(maxsize=16)
def _parsed(text: str) -> tuple[yaml.Node | None, Any]:
    # Keyed by the text: a serve rebuild re-reads unchanged editorial files without re-parsing them.
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data
