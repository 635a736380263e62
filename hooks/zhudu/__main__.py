"""Editor's commands: ``python -m zhudu meta`` and ``python -m zhudu audit``.

Run from the repository root with the venv set up by ``.ci/setup`` (which puts
``hooks/`` on the venv's path).  They read mkdocs.yml's ``extra.zhudu`` the
same way the build does, and never write anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml


def _zhudu_settings(config_file: Path) -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and !!python/name tags; the commands only need extra.zhudu.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}
    return dict((data.get("extra") or {}).get("zhudu") or {})


def _site(config_file: Path) -> Any:
    from zhudu.publish.site import Site
    from zhudu.settings import ZhuduConfig

    settings = ZhuduConfig()
    settings.load_dict(_zhudu_settings(config_file))
    errors, _ = settings.validate()
    if errors:
        key, error = errors[0]
        raise SystemExit(f"{config_file}: extra.zhudu.{key}: {error}")
    return Site(settings=settings, root=config_file.resolve().parent, site_url="")


def meta(args: argparse.Namespace) -> int:
    """Print every note's normalised metadata (JSON), and the problems found."""
    from zhudu.errors import ZhuduError

    site = _site(Path(args.config))
    try:
        corpus = site.load_notes()
    except ZhuduError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    wanted = set(args.notes)
    out = [
        {**note.meta.as_dict(), "source_file": note.display_path, "broken": note.broken}
        for note in corpus.notes
        if not wanted or note.id in wanted or note.meta.slug in wanted
    ]
    print(json.dumps(out, ensure_ascii=False, indent=2))
    problems = [*corpus.problems, *(p for n in corpus.notes for p in n.problems)]
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 1 if problems and args.strict else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m zhudu``."""
    parser = argparse.ArgumentParser(prog="python -m zhudu", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="path to mkdocs.yml")
    sub = parser.add_subparsers(dest="command", required=True)
    p_meta = sub.add_parser("meta", help="print the normalised metadata of the notes")
    p_meta.add_argument("notes", nargs="*", help="note ids or slugs (default: all)")
    p_meta.add_argument("--strict", action="store_true", help="exit 1 when a note has a problem")
    p_meta.set_defaults(func=meta)
    p_audit = sub.add_parser(
        "audit",
        help="the riskiest conversion choices, each with the rule that would fix it (--all: every place)",
    )
    p_audit.add_argument("rest", nargs=argparse.REMAINDER, help="arguments for zhudu.audit")
    p_audit.set_defaults(func=lambda a: _audit(a.rest))
    args = parser.parse_args(argv)
    return int(args.func(args))


def _audit(rest: list[str]) -> int:
    from zhudu.script import audit

    return int(audit.main(rest) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
