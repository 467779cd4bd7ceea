"""Command-line jobs: the same work as the window, for scripts and batch runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from espm_desktop import paths

COMMANDS = ("init-demo", "score", "invoice", "import", "export")


def _db_arg(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        help="database file (default: $ESPM_DESKTOP_DB or the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="espm-desktop", description="ESPM Desktop command-line jobs", epilog=EXIT_CODES_HELP
    )
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
    imp = sub.add_parser(
        "import",
        help="import bills from ESPM spreadsheets or CSV/xlsx files; prints a JSON summary",
        description="Import bills in one transaction. Exit 0 when every file was readable (row errors are "
        "listed in the summary), 1 when --strict refused rows, 2 when a file could not be read, 3 when the "
        "database could not be opened or written (locked, read-only, newer, damaged).",
    )
    _db_arg(imp)
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--strict", action="store_true", help="import nothing if any row is invalid (exit 1)")
    imp.add_argument(
        "--date-order", choices=("dmy", "mdy"), help="order of slash dates for files where it is ambiguous"
    )
    imp.add_argument(
        "--mapping",
        help="column mapping for files that are not ESPM spreadsheets: JSON text or a JSON file, "
        '{"columns": {"start": "Header", ...}, "fixed": {"unit": "cm (cubic meters)"}} or {"start": "Header", ...}',
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    imp.add_argument("--lang", choices=("fr", "en"), default="en", help="language of the messages")
    exp = sub.add_parser("export", help="export bills: ESPM upload template, CSV, or portfolio workbook")
    _db_arg(exp)
    exp.add_argument("--format", dest="fmt", choices=("espm-bills", "csv", "xlsx"), required=True)
    exp.add_argument("--out", type=Path, required=True, help="file to write")
    exp.add_argument(
        "--property", dest="property_ids", type=int, action="append", help="property id (repeatable)"
    )
    return parser


EXIT_CODES_HELP = (
    "exit codes: 0 done; 1 --strict refused rows; 2 bad arguments or an unreadable input file; "
    "3 a database problem (locked, read-only, made by a newer version, damaged, not a database)"
)


def _open_db(args: argparse.Namespace, *, create: bool, lang: str = "en") -> tuple[Path, bool] | None:
    """The database named by --db (or the default), checked and upgraded; None (message printed) if refused."""
    from espm_desktop.db.opening import DatabaseProblem, open_database

    db_path = args.db or paths.default_db_path()
    try:
        opened = open_database(db_path, create=create)
    except DatabaseProblem as exc:
        print(f"error: {exc.message(lang)}", file=sys.stderr)
        return None
    if opened.backup is not None:
        print(f"note: {db_path} was upgraded; a copy of it as it was is at {opened.backup}", file=sys.stderr)
    from espm_desktop.io.storage_location import detect_location, risk_message

    risk = detect_location(db_path)
    if risk is not None:
        print(f"warning: {risk_message(risk, lang)}", file=sys.stderr)
    return db_path, opened.read_only


def _read_text(path: Path) -> str | None:
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return None


def _same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file (or its -wal/-shm companion); never opens either."""
    try:
        if a.exists() and b.exists() and a.samefile(b):
            return True
    except OSError:
        return False
    return any(a.absolute() == Path(str(b.absolute()) + suffix) for suffix in ("-wal", "-shm", "-journal"))


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


def _mapping_arg(text: str | None) -> Any:
    """ColumnMapping from --mapping (JSON text or a file), or None; ValueError with a message if unreadable."""
    from espm_desktop.io.espm_import import ColumnMapping

    if not text:
        return None
    raw = text
    if not text.lstrip().startswith("{"):
        try:
            raw = Path(text).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"cannot read the mapping file {text}: {exc.strerror}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"--mapping is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise ValueError('--mapping must be a JSON object such as {"start": "Date", "usage": "kWh"}')
    if "columns" not in data and "fixed" not in data:
        data = {"columns": data}
    return ColumnMapping.from_json(json.dumps(data))


def _cmd_import(args: argparse.Namespace) -> int:
    from espm_desktop.db.bill_import import (
        StrictImportRefused,
        import_into_database,
        preview_import,
    )
    from espm_desktop.db.engine import make_engine
    from espm_desktop.db.opening import save_error_message
    from espm_desktop.io.espm_import import (
        AmbiguousDateFormat,
        DateOrder,
        ImportFileError,
        MappingRequired,
        read_bills_file,
    )

    lang = args.lang
    try:
        mapping = _mapping_arg(args.mapping)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    order = DateOrder(args.date_order) if args.date_order else None
    batches = []
    for path in args.files:
        try:
            batches.append(read_bills_file(path, mapping=mapping, date_order=order))
        except MappingRequired as exc:
            print(f"error: {path}: {exc.message(lang)}", file=sys.stderr)
            print(
                f"A column mapping is needed (--mapping). Headers found in sheet '{exc.sheet}':",
                file=sys.stderr,
            )
            for header in exc.headers:
                if header:
                    print(f"  {header}", file=sys.stderr)
            print(f"Proposed mapping: {json.dumps(exc.proposed, ensure_ascii=False)}", file=sys.stderr)
            return 2
        except AmbiguousDateFormat as exc:
            print(f"error: {path}: {exc.message(lang)} (--date-order dmy|mdy)", file=sys.stderr)
            return 2
        except ImportFileError as exc:
            print(f"error: {path}: {exc.message(lang)}", file=sys.stderr)
            return 2
    opened = _open_db(args, create=not args.dry_run, lang=lang)
    if opened is None:
        return 3
    db_path, read_only = opened
    if read_only and not args.dry_run:
        print(f"error: {db_path} is read-only: nothing can be imported into it.", file=sys.stderr)
        return 3
    engine = make_engine(db_path, read_only=read_only)
    code = 0
    try:
        if args.dry_run:
            plan = preview_import(engine, batches)
        else:
            plan = import_into_database(engine, batches, strict=args.strict)
    except StrictImportRefused as exc:
        plan, code = exc.plan, 1
    except Exception as exc:
        message = save_error_message(exc, lang)
        if message is None:
            raise
        print(f"error: {db_path}: {message}", file=sys.stderr)
        return 3
    finally:
        engine.dispose()
    print(json.dumps(plan.summary(lang), indent=2, ensure_ascii=False))
    return code


def _cmd_export(args: argparse.Namespace) -> int:
    from espm_desktop.db.bill_export import ExportFormat, export_to_file
    from espm_desktop.db.engine import make_engine

    opened = _open_db(args, create=False)
    if opened is None:
        return 3
    db_path, read_only = opened
    if _same_file(args.out, db_path):
        print(f"error: --out {args.out} is the database itself; choose another file name.", file=sys.stderr)
        return 2
    engine = make_engine(db_path, read_only=read_only)
    try:
        count = export_to_file(engine, ExportFormat(args.fmt), args.out, args.property_ids)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"{count} bills written to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {
        "init-demo": _cmd_init_demo,
        "score": _cmd_score,
        "invoice": _cmd_invoice,
        "import": _cmd_import,
        "export": _cmd_export,
    }
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
