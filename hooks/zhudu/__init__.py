"""Zhudu (注读): pure modules behind the MkDocs hook in ``hooks/zhudu_hook.py``.

Each module does one job and takes plain data; only the hook entry module
knows about MkDocs pages, files and events.
"""
