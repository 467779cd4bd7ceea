"""`espm-desktop report …`: documents about a property, written without a window.

    espm-desktop report score|consumption --db PATH --property ID_OR_NAME [--lang fr|en] [--page-size letter|a4]
        --out FILE
    espm-desktop report portfolio --db PATH [--property ID_OR_NAME] [--lang fr|en] [--page-size …] --out FILE

`portfolio` lists every property, or only the one given with --property.
Exit codes: 0 written; 2 bad arguments, an unknown or ambiguous property, or a file that can't be written; 3 the
database can't be opened or read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from espm_desktop import paths
from espm_desktop.cli_support import print_error, print_out
from espm_desktop.core.i18n import N_, message

if TYPE_CHECKING:
    from espm_desktop.app.reports import PropertyNotNamed

EXIT_OK, EXIT_INPUT, EXIT_DATABASE = 0, 2, 3
REPORT_KINDS = ("score", "consumption", "portfolio")
REPORT_EXIT_CODES = (
    "exit codes: 0 written; 2 bad arguments, unknown or ambiguous property, or an output file that can't be "
    "written; 3 the database can't be opened or read"
)
_WRITTEN = {
    "score": N_("Score report written to {path}"),
    "consumption": N_("Consumption report written to {path}"),
    "portfolio": N_("Portfolio report written to {path}"),
}


def add_report_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `report` to the `espm-desktop` sub-command parsers."""
    report: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="write a report (PDF): score, consumption or portfolio",
        description="Write a report as a PDF. 'score': the ENERGY STAR score report of a bank branch (the "
        "five steps of the NRCan method, data-quality findings, monthly source energy, target finder for 75, "
        "degree days). 'consumption': a property's latest 12 full months per meter (use, GJ, cost, chart, use "
        "per degree-day), data findings and bill list. 'portfolio': one row per property (GJ, site and source "
        "EUI, score, completeness, Énergir data exchange, open findings) with totals.",
        epilog=REPORT_EXIT_CODES,
    )
    report.add_argument("kind", choices=REPORT_KINDS, help="score, consumption or portfolio")
    report.add_argument(
        "--db", type=Path, help="database file (default: $ESPM_DESKTOP_DB or the user data folder)"
    )
    report.add_argument(
        "--property",
        dest="property_ref",
        help="property id or exact name (required for score and consumption; limits a portfolio to it)",
    )
    report.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the report")
    report.add_argument(
        "--page-size", choices=("letter", "a4"), default="letter", help="paper size (default: letter)"
    )
    report.add_argument("--out", type=Path, required=True, help="PDF file to write")
    return report


def _write(args: argparse.Namespace) -> int:
    from espm_desktop.app.database import DatabaseProblem, database_engine, open_database, save_error_message
    from espm_desktop.app.reports import PropertyNotNamed, ReportData, gather_named_report, render_report
    from espm_desktop.fs.atomic_files import OutputError

    lang = args.lang
    db_path = Path(args.db or paths.default_db_path())
    try:
        opened = open_database(db_path, create=False)
    except DatabaseProblem as exc:
        print_error(exc.message(lang))
        return EXIT_DATABASE
    engine = database_engine(db_path, read_only=opened.read_only)
    try:
        # run_report refused a score or consumption report without --property.
        data: ReportData = gather_named_report(engine, args.kind, lang, args.property_ref)
    except PropertyNotNamed as unnamed:
        print_error(_not_named(unnamed, lang))
        return EXIT_INPUT
    except Exception as exc:
        reason = save_error_message(exc, lang)
        if reason is None:
            raise
        print_error(f"{db_path}: {reason}")
        return EXIT_DATABASE
    finally:
        engine.dispose()
    try:
        render_report(data, args.out, lang, page_size=args.page_size, protected=(db_path,))
    except OutputError as exc:
        print_error(exc.message(lang))
        return EXIT_INPUT
    except OSError as exc:
        print_error(f"cannot write {args.out}: {exc.strerror or exc}")
        return EXIT_INPUT
    print_out(message(_WRITTEN[args.kind], path=str(args.out)).text(lang))
    return EXIT_OK


def _not_named(unnamed: PropertyNotNamed, lang: str) -> str:
    """Why --property designates no property (an unknown id or name) or several (give the id)."""
    if unnamed.ids:
        return message(
            "several properties are named '{name}': give the id ({ids})",
            name=unnamed.name,
            ids=", ".join(map(str, unnamed.ids)),
        ).text(lang)
    return message("no property has the id or name '{name}'", name=unnamed.name).text(lang)


def run_report(args: argparse.Namespace) -> int:
    """Run `report score|consumption|portfolio`; returns the exit code (0, 2 or 3)."""
    if args.kind != "portfolio" and args.property_ref is None:
        print_error(
            message("the '{kind}' report needs --property (the property's id or name)", kind=args.kind).text(
                args.lang
            )
        )
        return EXIT_INPUT
    return _write(args)


def main(argv: list[str] | None = None) -> int:
    """`python -m espm_desktop.cli_report report …`, until cli.py lists the command."""
    parser = argparse.ArgumentParser(prog="espm-desktop", epilog=REPORT_EXIT_CODES)
    add_report_parser(parser.add_subparsers(dest="command", required=True))
    return run_report(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
