"""Editor's commands: ``python -m zhudu meta``, ``python -m zhudu audit`` and ``python -m zhudu suggest``.

Run in the folder of mkdocs.yml (or give its path with ``-f``) with the venv set up by ``.ci/setup``
(which puts ``hooks/`` on the venv's path).  They read that project as the build does (mkdocs.yml's
``extra.zhudu``, its notes and editorial files), and never write anywhere.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path
from typing import Any

import yaml

#: Exit codes: 0 done; 1 bad input (a message names the file and line), or ``meta --strict`` found a
#: problem; 2 wrong arguments (argparse's usage message); 130 stopped with Ctrl-C.
EXIT_BAD_INPUT = 1


def _zhudu_settings(config_file: Path) -> Any:
    """``extra.zhudu`` of ``config_file``, as written (validated by ``settings.load_settings``).

    Raises:
        ZhuduError: the file cannot be read or is not YAML (naming the line), or is not a mapping.
    """
    from zhudu.errors import ZhuduError

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and !!python/name tags; the commands only need extra.zhudu.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    where = "run the command in the folder of mkdocs.yml, or give its path with -f"
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ZhuduError(config_file, None, f"no such file; {where}") from None
    except IsADirectoryError:
        raise ZhuduError(config_file, None, f"is a folder, not mkdocs.yml; {where}") from None
    except OSError as exc:
        raise ZhuduError(config_file, None, f"cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ZhuduError(config_file, None, f"not UTF-8 ({exc.reason}): save it as UTF-8") from None
    try:
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ZhuduError(config_file, line, f"invalid YAML: {exc.problem}; fix the syntax") from None
    except yaml.YAMLError as exc:
        raise ZhuduError(config_file, None, f"invalid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("extra") or {}, dict):
        raise ZhuduError(config_file, 1, "expected 'key: value' settings (and extra: as a mapping)")
    return (data.get("extra") or {}).get("zhudu")


def _config(args: argparse.Namespace) -> Path:
    """The mkdocs.yml the command reads: ``-f``'s, or the one in the current folder."""
    return Path(args.config or "mkdocs.yml")


def _site(config_file: Path) -> Any:
    written = _zhudu_settings(config_file)  # before the imports below: a bad mkdocs.yml is said at once
    from zhudu.publish.site import Site
    from zhudu.settings import load_settings

    settings, warnings = load_settings(written, str(config_file))
    for key, message in warnings:
        print(f"warning: {config_file}: extra.zhudu.{key}: {message}", file=sys.stderr)
    return Site(settings=settings, root=config_file.resolve().parent, site_url="")


def meta(args: argparse.Namespace) -> int:
    """Print every note's normalised metadata (JSON), and the problems found."""
    site = _site(_config(args))
    corpus = site.load_notes()
    wanted = set(args.notes)
    every = [*corpus.notes, *corpus.drafts]  # a draft too: its author checks it before publishing it
    shown = [note for note in every if not wanted or note.id in wanted or note.meta.slug in wanted]
    drafts = {note.id for note in corpus.drafts}
    out = [
        {
            **note.meta.as_dict(),
            "source_file": note.display_path,
            "broken": note.broken,
            "draft": note.id in drafts,
        }
        for note in shown
    ]
    unknown = sorted(wanted - {n.id for n in every} - {n.meta.slug for n in every})
    print(json.dumps(out, ensure_ascii=False, indent=2))
    # A shown note that cannot be read is an error: its values are stand-ins, not what its author wrote
    # (a note whose body alone is refused, over a limit, keeps its author's metadata: a warning).
    unreadable = {note.id for note in shown if note.broken and not note.meta_kept}
    problems = [*corpus.problems, *(p for n in corpus.notes for p in n.problems)]
    for problem in corpus.problems:
        print(f"warning: {problem}", file=sys.stderr)
    for note in corpus.notes:
        for problem in note.problems:
            print(f"{'error' if note.id in unreadable else 'warning'}: {problem}", file=sys.stderr)
    for name in unknown:
        print(
            f"error: no note has the id or slug {name!r}; `python -m zhudu meta` lists them", file=sys.stderr
        )
    return 1 if unknown or unreadable or (problems and args.strict) else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m zhudu``."""
    parser = argparse.ArgumentParser(prog="python -m zhudu", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config", help="path to mkdocs.yml (default: ./mkdocs.yml)")
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
    p_audit.set_defaults(func=_audit)
    p_suggest = sub.add_parser(
        "suggest", help="keywords shared by notes that no phrase of themes.yml covers: candidate themes"
    )
    p_suggest.add_argument("rest", nargs=argparse.REMAINDER, help="arguments for zhudu.themes.suggest")
    p_suggest.set_defaults(func=_suggest)
    # A subcommand's own options (``audit --all``, ``suggest --top 5``) may come before its first
    # argument, where REMAINDER does not take them: they are its arguments as well.
    args, own = parser.parse_known_args(argv)
    if own and not hasattr(args, "rest"):
        parser.error(f"unrecognized arguments: {' '.join(own)}")
    if own:
        args.rest = [*own, *args.rest]
    from zhudu.errors import ZhuduError
    from zhudu.script.editor_rules import ScriptDataError

    try:
        return int(args.func(args))
    except (ZhuduError, ScriptDataError) as exc:  # the author's input: one line, no traceback
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("stopped (Ctrl-C)", file=sys.stderr)
        return 130


def _audit(args: argparse.Namespace) -> int:
    from zhudu.script import audit
    from zhudu.script.variant_configs import DEFAULT_VARIANTS

    config = _config(args)
    site = functools.cache(lambda: _site(config))

    def variants() -> tuple[list[Any], str]:
        if args.config is None and not config.exists():  # with --rules, no project is needed
            return list(DEFAULT_VARIANTS), "the default variants: no mkdocs.yml here"
        configured = site()
        whose = "the project's extra.zhudu.variants"
        if not configured.settings.variants:
            whose = "the build's default: the project sets no extra.zhudu.variants"
        return configured.script_variants, whose

    # The rules are read only when --rules is not given: the project's, as its build reads them.
    return int(audit.main(args.rest, project_rules=lambda: site().rules, project_variants=variants) or 0)


def _suggest(args: argparse.Namespace) -> int:
    from zhudu.themes import suggest

    site = _site(_config(args))
    return int(suggest.main(args.rest, seeds=site.seeds_dir, themes_file=site.editorial_dir / "themes.yml"))


if __name__ == "__main__":
    raise SystemExit(main())
