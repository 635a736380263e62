"""Zhudu (注读): the package behind the MkDocs hook in ``hooks/zhudu_hook.py``.

``build`` and ``pages`` are where MkDocs' objects meet the rest; each subpackage owns one stage
(``notes``, ``script``, ``annotate``, ``themes``, ``search``, ``publish``) and is made of modules
that take plain data.  ``cache`` keeps per-note artifacts by content hash.
"""
