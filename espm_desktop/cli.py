"""Command-line jobs: the same work as the window, for scripts and batch runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from espm_desktop import paths
from espm_desktop.cli_support import (
    cannot_write,
    log_file,
    messages_in,
    out_is_database,
    print_error,
    print_json,
    run_guarded,
    setup_logging,
)
from espm_desktop.core.i18n import current_language, message

COMMANDS = ("init-demo", "score", "invoice", "import", "export", "sge", "report")


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
    invoice = sub.add_parser(
        "invoice",
        help="SGÉ payment invoice (PDF): recorded in a database's register (--db) or from a JSON file",
    )
    invoice.add_argument(
        "--json", dest="json_file", type=Path, help="input JSON file ('-' for stdin); without --db"
    )
    invoice.add_argument("--out", type=Path, required=True, help="PDF file to write")
    invoice.add_argument(
        "--lang", choices=("fr", "en"), help="language of the invoice (default: the file's, else fr)"
    )
    from espm_desktop.cli_invoice import add_invoice_db_arguments

    add_invoice_db_arguments(invoice)
    imp = sub.add_parser(
        "import",
        help="import bills from ESPM spreadsheets or CSV/xlsx files; prints a JSON summary",
        description="Import bills in one transaction. Exit 0 when every file was readable (row errors are "
        "listed in the summary), 1 when --strict refused rows or --on-conflict fail refused conflicts, 2 when a file could not be read, 3 when the "
        "database could not be opened or written (locked, read-only, newer, damaged).",
    )
    _db_arg(imp)
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--strict", action="store_true", help="import nothing if any row is invalid (exit 1)")
    imp.add_argument(
        "--on-conflict",
        choices=("keep", "replace", "fail"),
        default="fail",
        help="a row whose meter and period are stored with another usage or cost: keep the stored bill, "
        "replace it with the file's values, or fail: import nothing and list the conflicts (exit 1; the "
        "default, so that a script never overwrites nor drops a value without being told)",
    )
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
    from espm_desktop.cli_sge import add_sge_parser

    add_sge_parser(sub)
    from espm_desktop.cli_report import add_report_parser

    add_report_parser(sub)
    exit_codes = f"{EXIT_CODES_HELP}. Log file: {log_file()}"
    for command_parser in (parser, *sub.choices.values()):
        if command_parser.epilog in (None, EXIT_CODES_HELP):
            command_parser.epilog = exit_codes
    return parser


EXIT_CODES_HELP = (
    "exit codes: 0 done; 1 --strict refused rows or --on-conflict fail refused conflicts; 2 bad arguments, "
    "an unreadable or invalid input file (the message names the file and the key, line or row), or an output file that cannot be written; "
    "3 a database problem (locked, read-only, made by a newer version, damaged, not a database); "
    "4 internal error (one line on stderr, the details in the log file espm-desktop.log of the log folder); "
    "130 interrupted (Ctrl+C); 141 the program reading the output stopped early (| head)"
)


def _open_db(args: argparse.Namespace, *, create: bool, lang: str = "en") -> tuple[Path, bool] | None:
    """The database named by --db (or the default), checked and upgraded; None (message printed) if refused."""
    from espm_desktop.app.database import DatabaseProblem, open_database, storage_warning

    db_path = args.db or paths.default_db_path()
    try:
        opened = open_database(db_path, create=create)
    except DatabaseProblem as exc:
        print(f"error: {exc.message(lang)}", file=sys.stderr)
        return None
    if opened.backup is not None:
        note = message(
            "{db} was upgraded; a copy of it as it was is at {backup}",
            db=str(db_path),
            backup=str(opened.backup),
        )
        print(f"note: {note.text(lang)}", file=sys.stderr)
    risk = storage_warning(db_path, lang)
    if risk is not None:
        print(f"warning: {risk}", file=sys.stderr)
    return db_path, opened.read_only


def _same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file (or its -wal/-shm companion); never opens either."""
    try:
        if a.exists() and b.exists() and a.samefile(b):
            return True
    except OSError:
        return False
    return any(a.absolute() == Path(str(b.absolute()) + suffix) for suffix in ("-wal", "-shm", "-journal"))


def _cmd_init_demo(args: argparse.Namespace) -> int:
    from espm_desktop.app.database import create_demo_database

    target = args.db or paths.demo_db_path()
    create_demo_database(target)
    print(f"Demo database written to {target}")
    return 0


def _input_name(path: Path) -> str:
    return "stdin" if str(path) == "-" else str(path)


def _cmd_score(args: argparse.Namespace) -> int:
    from espm_desktop.app.json_files import JsonInputError, load_json
    from espm_desktop.core.score.json_io import ScoreInputError, score_from_json_dict

    try:
        data: Any = load_json(args.json_file)
    except JsonInputError as exc:
        print_error(f"{_input_name(args.json_file)}: {exc.message(language='en')}")
        return 2
    try:
        result = score_from_json_dict(data)
    except ScoreInputError as exc:
        print_error(f"{_input_name(args.json_file)}: {exc.key or '(root)'}: {exc.message_en}")
        return 2
    print_json(result)
    return 0


def _cmd_invoice(args: argparse.Namespace) -> int:
    from espm_desktop.cli_invoice import run_invoice_db

    return run_invoice_db(args)


def _mapping_arg(text: str | None) -> Any:
    """ColumnMapping from --mapping (JSON text or a file), or None; ValueError with a message if unreadable."""
    from espm_desktop.app.bill_files import column_mapping
    from espm_desktop.app.json_files import JsonInputError, load_json, loads_bounded

    if not text:
        return None

    try:
        data = loads_bounded(text) if text.lstrip().startswith("{") else load_json(Path(text))
    except JsonInputError as exc:
        raise ValueError(f"--mapping {text[:200]}: {exc.message(current_language())}") from None
    if not isinstance(data, dict):
        raise ValueError('--mapping must be a JSON object such as {"start": "Date", "usage": "kWh"}')
    return column_mapping(data)


def _cmd_import(args: argparse.Namespace) -> int:
    from espm_desktop.app.bill_files import (
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
                message(
                    "A column mapping is needed (--mapping). Headers found in sheet '{sheet}':",
                    sheet=exc.sheet,
                ).text(lang),
                file=sys.stderr,
            )
            for header in exc.headers:
                if header:
                    print(f"  {header}", file=sys.stderr)
            proposed = json.dumps(exc.proposed, ensure_ascii=False)
            print(message("Proposed mapping: {mapping}", mapping=proposed).text(lang), file=sys.stderr)
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
        refused = message("{db} is read-only: nothing can be imported into it.", db=str(db_path))
        print(f"error: {refused.text(lang)}", file=sys.stderr)
        return 3
    # The database layer (SQLAlchemy) is loaded only once every file was read: a refused file answers at once.
    from espm_desktop.app.bill_import import ConflictChoice, import_for_command_line
    from espm_desktop.app.database import database_engine, save_error_message

    engine = database_engine(db_path, read_only=read_only)
    try:
        result = import_for_command_line(
            engine,
            batches,
            on_conflict=ConflictChoice(args.on_conflict),
            strict=args.strict,
            dry_run=args.dry_run,
        )
    except Exception as exc:
        reason = save_error_message(exc, lang)
        if reason is None:
            raise
        print(f"error: {db_path}: {reason}", file=sys.stderr)
        return 3
    finally:
        engine.dispose()
    print(json.dumps(result.plan.summary(lang), indent=2, ensure_ascii=False))
    return result.exit_code


def _cmd_export(args: argparse.Namespace) -> int:
    from espm_desktop.app.bill_export import ExportFormat, export_to_file
    from espm_desktop.app.database import database_engine
    from espm_desktop.fs.atomic_files import OutputError

    opened = _open_db(args, create=False)
    if opened is None:
        return 3
    db_path, read_only = opened
    if _same_file(args.out, db_path):
        print(f"error: {out_is_database(args.out)}", file=sys.stderr)
        return 2
    engine = database_engine(db_path, read_only=read_only)
    try:
        count = export_to_file(
            engine, ExportFormat(args.fmt), args.out, args.property_ids, protected=(db_path,)
        )
    except OutputError as exc:
        print(f"error: {exc.message(language='en')}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {cannot_write(args.out, exc)}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"{count} bills written to {args.out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from espm_desktop.cli_report import run_report

    return run_report(args)


def _cmd_sge(args: argparse.Namespace) -> int:
    from espm_desktop.cli_sge import run_sge

    return run_sge(args)


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code is one of EXIT_CODES_HELP's, and no traceback is ever printed."""
    setup_logging()
    handlers = {
        "init-demo": _cmd_init_demo,
        "score": _cmd_score,
        "invoice": _cmd_invoice,
        "import": _cmd_import,
        "export": _cmd_export,
        "sge": _cmd_sge,
        "report": _cmd_report,
    }
    parsed: list[argparse.Namespace] = []

    def job() -> int:
        args = build_parser().parse_args(argv)
        parsed.append(args)
        with messages_in(getattr(args, "lang", None)):  # --lang, for the commands that have it
            return handlers[args.command](args)

    try:
        return run_guarded(job, lambda: parsed[0] if parsed else None)
    except SystemExit as exc:  # --help (0) or a usage error argparse has printed (2)
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2


if __name__ == "__main__":
    sys.exit(main())
