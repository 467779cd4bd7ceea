"""Command-line jobs: the same work as the window, for scripts and batch runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from espm_desktop import paths

COMMANDS = ("init-demo", "score", "invoice")


def _db_arg(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        help="database file (default: $ESPM_DESKTOP_DB or the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="espm-desktop", description="ESPM Desktop command-line jobs")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("init-demo", help="create the demo database and exit")
    _db_arg(demo)
    score = sub.add_parser("score", help="bank-branch ENERGY STAR score from a JSON file of annual inputs")
    score.add_argument(
        "--json", dest="json_file", type=Path, required=True, help="input JSON file ('-' for stdin)"
    )
    invoice = sub.add_parser("invoice", help="SGÉ payment invoice (PDF) from a JSON file")
    invoice.add_argument(
        "--json", dest="json_file", type=Path, required=True, help="input JSON file ('-' for stdin)"
    )
    invoice.add_argument("--out", type=Path, required=True, help="PDF file to write")
    invoice.add_argument(
        "--lang", choices=("fr", "en"), help="language of the invoice (default: the file's, else fr)"
    )
    return parser


def _read_text(path: Path) -> str | None:
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return None


def _cmd_init_demo(args: argparse.Namespace) -> int:
    from espm_desktop.db.demo import create_demo_database

    target = args.db or paths.demo_db_path()
    create_demo_database(target)
    print(f"Demo database written to {target}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    from espm_desktop.core.score.json_io import ScoreInputError, score_from_json_dict

    text = _read_text(args.json_file)
    if text is None:
        return 2
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        print(
            f"error: {args.json_file} is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}",
            file=sys.stderr,
        )
        return 2
    try:
        result = score_from_json_dict(data)
    except ScoreInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _cmd_invoice(args: argparse.Namespace) -> int:
    from espm_desktop.core.sge.common import SgeInputError
    from espm_desktop.core.sge.invoice import parse_invoice_json
    from espm_desktop.reports.sge_invoice import render_invoice_pdf

    text = _read_text(args.json_file)
    if text is None:
        return 2
    try:
        invoice = parse_invoice_json(text)
    except SgeInputError as exc:
        print(f"error: {exc.message(args.lang or 'en')}", file=sys.stderr)
        return 2
    try:
        render_invoice_pdf(invoice, args.out, language=args.lang)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"Invoice {invoice.invoice_number} written to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"init-demo": _cmd_init_demo, "score": _cmd_score, "invoice": _cmd_invoice}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
