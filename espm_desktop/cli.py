"""Command-line jobs: the same work as the window, for scripts and batch runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from espm_desktop import paths

COMMANDS = ("init-demo", "score")


def _db_arg(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("--db", type=Path, required=required,
                        help="database file (default: $ESPM_DESKTOP_DB or the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="espm-desktop", description="ESPM Desktop command-line jobs")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("init-demo", help="create the demo database and exit")
    _db_arg(demo)
    score = sub.add_parser("score", help="bank-branch ENERGY STAR score from a JSON file of annual inputs")
    score.add_argument("--json", dest="json_file", type=Path, required=True, help="input JSON file ('-' for stdin)")
    return parser


def _cmd_init_demo(args: argparse.Namespace) -> int:
    from espm_desktop.db.demo import create_demo_database

    target = args.db or paths.demo_db_path()
    create_demo_database(target)
    print(f"Demo database written to {target}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    from espm_desktop.core.score.json_io import ScoreInputError, score_from_json_dict

    try:
        text = sys.stdin.read() if str(args.json_file) == "-" else args.json_file.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot read {args.json_file}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        print(f"error: {args.json_file} is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}",
              file=sys.stderr)
        return 2
    try:
        result = score_from_json_dict(data)
    except ScoreInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"init-demo": _cmd_init_demo, "score": _cmd_score}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
