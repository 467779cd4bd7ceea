"""`espm-desktop sge …`: the SGÉ aid statement, the Excel calculation file and the annual report without a window.

    espm-desktop sge statement --json FILE [--lang fr|en]
    espm-desktop sge statement --db PATH --participant ID [--lang fr|en]
    espm-desktop sge workbook --db PATH --participant ID --out FILE
    espm-desktop sge report --db PATH --participant ID --out FILE [--lang fr|en]

Exit codes: 0 done; 2 bad arguments, bad input (the message names the key), an unknown participant, savings
that can't be computed, or a file that can't be read or written; 3 the database can't be opened or read.
The amounts are those of core/sge/statement.py, the same the page, the documents and the invoices use.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from espm_desktop import paths
from espm_desktop.cli_support import cannot_write, messages_in, out_is_database
from espm_desktop.core.i18n import Message, Number, message
from espm_desktop.core.sge.aid import AidAmount, AidPayment
from espm_desktop.core.sge.common import SgeInputError, to_cents, to_decimal
from espm_desktop.core.sge.statement import (
    AidStatement,
    DiagnosticInput,
    ImplementationInput,
    PartInput,
    PartStatement,
    SavingsFollowUpInput,
    SavingsYearInput,
    StatementInput,
    aid_statement,
)

if TYPE_CHECKING:
    from espm_desktop.app.sge_savings import ParticipantSavings

EXIT_OK, EXIT_INPUT, EXIT_DATABASE = 0, 2, 3
SGE_EXIT_CODES = (
    "exit codes: 0 done; 2 bad arguments or input (the message names the key), unknown participant, savings "
    "that can't be computed, or a file that can't be read or written; 3 the database can't be opened or read"
)


# --- the parser ------------------------------------------------------------------------------------------------
def _db_and_participant(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--db", type=Path, help="database file (default: $ESPM_DESKTOP_DB or the user data folder)"
    )
    parser.add_argument("--participant", type=int, required=required, help="SGÉ participant id")


def add_sge_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `sge` and its three commands to the `espm-desktop` sub-command parsers."""
    sge: argparse.ArgumentParser = subparsers.add_parser(
        "sge",
        help="SGÉ aid statement, Excel calculation file and annual report",
        description="Énergir SGÉ program: the aid statement (every amount with its rule), the Excel calculation "
        "file and the energy committee's annual report.",
        epilog=SGE_EXIT_CODES,
    )
    sub = sge.add_subparsers(dest="sge_command", required=True)
    statement = sub.add_parser(
        "statement",
        help="print the aid statement as JSON, from a JSON file of figures or from a participant",
        description='Input JSON: {"diagnostic": {"eligible_costs", "other_grants"}, "implementation": '
        '{"metering": {"eligible_costs_by_year": [...]}, "other_components": {"eligible_costs_by_year": [...]}, '
        '"other_grants"}, "savings_follow_up": {"years": [{"avoided_m3", "new_measures"}, ...]}}; every key '
        "may be left out (zero). Amounts are printed as strings with two decimals.",
        epilog=SGE_EXIT_CODES,
    )
    statement.add_argument("--json", dest="json_file", type=Path, help="input JSON file ('-' for stdin)")
    _db_and_participant(statement, required=False)
    statement.add_argument("--lang", choices=("fr", "en"), default="en", help="language of the rules")
    workbook = sub.add_parser(
        "workbook", help="write the participant's Excel calculation file", epilog=SGE_EXIT_CODES
    )
    _db_and_participant(workbook, required=True)
    workbook.add_argument("--out", type=Path, required=True, help="xlsx file to write")
    workbook.add_argument("--lang", choices=("fr", "en"), default="en", help="language of the messages")
    report = sub.add_parser(
        "report", help="write the energy committee's annual report (PDF)", epilog=SGE_EXIT_CODES
    )
    _db_and_participant(report, required=True)
    report.add_argument("--out", type=Path, required=True, help="PDF file to write")
    report.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the report")
    return sge


# --- reading the statement's input ----------------------------------------------------------------------------
def _bad(key: str, rule: Message) -> SgeInputError:
    return SgeInputError(key, message("{key}: {rule}", key=key, rule=rule))


def _object(value: object, key: str, allowed: Sequence[str]) -> Mapping[str, object]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _bad(key or "(top level)", message("must be a JSON object"))
    for name in value:
        if name not in allowed:
            where = f"{key}.{name}" if key else str(name)
            raise _bad(where, message("unknown key (expected one of: {keys})", keys=", ".join(allowed)))
    return value


MAX_INPUT = Decimal("1e12")  # a trillion dollars or m³: far above any plant, far below Decimal's precision


def _number(value: object, key: str, *, money: bool = True) -> Decimal:
    """A JSON number (or a number written as text) as a Decimal: money ≥ 0 in cents, or any m³ quantity."""
    not_a_number = (
        message("must be a number ≥ 0 (got {value})", value=repr(value))
        if money
        else message("must be a number (got {value})", value=repr(value))
    )
    if value is None:
        return Decimal("0")
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise _bad(key, not_a_number)
    try:
        number = Decimal(value) if isinstance(value, (int, Decimal)) else to_decimal(value, key)
    except SgeInputError:
        raise _bad(key, not_a_number) from None
    if not number.is_finite() or (money and number < 0):
        raise _bad(key, not_a_number)
    if abs(number) > MAX_INPUT:
        raise _bad(
            key, message("must be at most {limit} (got {value})", limit=Number(MAX_INPUT), value=str(value))
        )
    if money and number != to_cents(number):
        raise _bad(
            key, message("must be dollars and cents, at most two decimals (got {value})", value=str(value))
        )
    return number


def _list(value: object, key: str) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad(key, message("must be a list"))
    return value


def _part(value: object, key: str) -> PartInput:
    data = _object(value, key, ("eligible_costs_by_year",))
    costs = _list(data.get("eligible_costs_by_year"), f"{key}.eligible_costs_by_year")
    return PartInput(tuple(_number(c, f"{key}.eligible_costs_by_year[{i}]") for i, c in enumerate(costs)))


def parse_statement_input(data: object) -> StatementInput:
    """The statement's input from the JSON the CLI reads; SgeInputError names the bad key (a.b[2])."""
    top = _object(data, "", ("diagnostic", "implementation", "savings_follow_up"))
    diag = _object(top.get("diagnostic"), "diagnostic", ("eligible_costs", "other_grants"))
    impl = _object(
        top.get("implementation"), "implementation", ("metering", "other_components", "other_grants")
    )
    savings = _object(top.get("savings_follow_up"), "savings_follow_up", ("years",))
    years: list[SavingsYearInput] = []
    for i, item in enumerate(_list(savings.get("years"), "savings_follow_up.years")):
        key = f"savings_follow_up.years[{i}]"
        year = _object(item, key, ("avoided_m3", "new_measures"))
        new = year.get("new_measures", False)
        if not isinstance(new, bool):
            raise _bad(f"{key}.new_measures", message("must be true or false"))
        # An increase in use (negative avoided m³) is allowed: it earns nothing.
        years.append(SavingsYearInput(_number(year.get("avoided_m3"), f"{key}.avoided_m3", money=False), new))
    return StatementInput(
        DiagnosticInput(
            _number(diag.get("eligible_costs"), "diagnostic.eligible_costs"),
            _number(diag.get("other_grants"), "diagnostic.other_grants"),
        ),
        ImplementationInput(
            _part(impl.get("metering"), "implementation.metering"),
            _part(impl.get("other_components"), "implementation.other_components"),
            _number(impl.get("other_grants"), "implementation.other_grants"),
        ),
        SavingsFollowUpInput(tuple(years)),
    )


# --- writing it -------------------------------------------------------------------------------------------------
def _amount(value: Decimal) -> str:
    return f"{to_cents(value):.2f}"


def _rule(aid: AidAmount, language: str) -> str:
    return aid.explanation(language)


def _payments(payments: Sequence[AidPayment], language: str) -> list[dict[str, object]]:
    return [
        {"year": p.year, "amount": _amount(p.aid.amount), "rule": _rule(p.aid, language)} for p in payments
    ]


def _part_json(part: PartStatement, language: str) -> dict[str, object]:
    return {
        "eligible_costs_by_year": [_amount(c) for c in part.eligible_costs_by_year],
        "eligible_costs": _amount(part.eligible_costs),
        "aid_before_stacking": _amount(part.aid_before_stacking.amount),
        "reduction": _amount(part.reduction),
        "aid": _amount(part.aid.amount),
        "aid_rule": _rule(part.aid, language),
        "payments": _payments(part.payments, language),
    }


def statement_json(statement: AidStatement, language: str = "en") -> dict[str, object]:
    """The statement as JSON: amounts as strings with two decimals ("18464.60"), each with its rule."""
    d, i, s = statement.diagnostic, statement.implementation, statement.savings_follow_up
    return {
        "diagnostic": {
            "eligible_costs": _amount(d.eligible_costs),
            "other_grants": _amount(d.other_grants),
            "aid_before_stacking": _amount(d.aid_before_stacking.amount),
            "aid": _amount(d.aid.amount),
            "aid_rule": _rule(d.aid, language),
            "client_share": _amount(d.client_share),
            "payments": _payments(d.payments, language),
        },
        "implementation": {
            "eligible_costs": _amount(i.eligible_costs),
            "other_grants": _amount(i.other_grants),
            "aid": _amount(i.aid.amount),
            "aid_rule": _rule(i.aid, language),
            "client_share": _amount(i.client_share),
            "metering": _part_json(i.metering, language),
            "other_components": _part_json(i.other_components, language),
        },
        "savings_follow_up": {
            "aid": _amount(s.aid.amount),
            "aid_rule": _rule(s.aid, language),
            "years": [
                {
                    "year": y.year,
                    "avoided_m3": str(y.avoided_m3),
                    "new_measures": y.new_measures,
                    "aid": _amount(y.aid.amount),
                    "rule": _rule(y.aid, language),
                }
                for y in s.years
            ],
        },
        "total": _amount(statement.total.amount),
        "total_rule": _rule(statement.total, language),
        "warnings": list(statement.warnings_en if language == "en" else statement.warnings_fr),
    }


# --- the commands -----------------------------------------------------------------------------------------------
def _error(text: str) -> None:
    print(f"error: {text}", file=sys.stderr)


def _read_json(path: Path, language: str) -> object:
    """The file's JSON, numbers as Decimal, read within io.json_input's bounds; ValueError with a message."""
    from espm_desktop.app.json_files import JsonInputError, load_json

    try:
        return load_json(path, parse_float=Decimal)
    except JsonInputError as exc:
        raise ValueError(f"{path}: {exc.message(language)}") from None


class _Refused(Exception):
    """A command stopped with an exit code after printing why."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _participant(args: argparse.Namespace, need_savings: bool) -> ParticipantSavings:
    """The file of --participant in --db, its savings analysis (or why they could not be computed), and the daily
    temperatures the model used (`need_savings`: savings that can't be computed stop the command)."""
    from espm_desktop.app.database import DatabaseProblem, open_database, save_error_message
    from espm_desktop.app.sge_savings import StoreError, participant_savings

    lang = args.lang
    db_path = args.db or paths.default_db_path()
    try:
        opened = open_database(db_path, create=False)
    except DatabaseProblem as exc:
        _error(exc.message(lang))
        raise _Refused(EXIT_DATABASE) from None
    out = getattr(args, "out", None)
    if out is not None and _same_file(out, Path(db_path)):
        _error(out_is_database(out, lang))
        raise _Refused(EXIT_INPUT)
    try:
        read = participant_savings(
            db_path, args.participant, read_only=opened.read_only, with_temperatures=need_savings
        )
    except StoreError as exc:
        _error(exc.message(lang))
        raise _Refused(EXIT_INPUT) from None
    except Exception as exc:
        reason = save_error_message(exc, lang)
        if reason is None:
            raise
        _error(f"{db_path}: {reason}")
        raise _Refused(EXIT_DATABASE) from None
    if read.analysis is None and need_savings:
        _error(
            message(
                "the savings of participant {participant} can't be computed: {why}",
                participant=str(args.participant),
                why=_why(read, lang),
            ).text(lang)
        )
        raise _Refused(EXIT_INPUT)
    return read


def _why(read: ParticipantSavings, language: str) -> str:
    """Why the participant's savings could not be computed, in `language`."""
    exc = read.savings_error
    if exc is None:
        return ""
    return exc.message_en if language == "en" else exc.message_fr


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def _cmd_statement(args: argparse.Namespace) -> int:
    if (args.json_file is None) == (args.participant is None):
        _error(message("give either --json FILE, or --db PATH and --participant ID").text(args.lang))
        return EXIT_INPUT
    if args.json_file is not None:
        try:
            data = parse_statement_input(_read_json(args.json_file, args.lang))
        except SgeInputError as exc:
            _error(exc.message(args.lang))
            return EXIT_INPUT
        except ValueError as exc:
            _error(str(exc))
            return EXIT_INPUT
        statement = aid_statement(data)
    else:
        from espm_desktop.core.sge.participant_statement import participant_statement

        read = _participant(args, need_savings=False)
        if read.analysis is None:
            note = message(
                "savings follow-up not computed (phase 5 shows no aid): {why}", why=_why(read, args.lang)
            )
            print(f"note: {note.text(args.lang)}", file=sys.stderr)
        statement = participant_statement(read.file, read.analysis)
    print(json.dumps(statement_json(statement, args.lang), indent=2, ensure_ascii=False))
    return EXIT_OK


def _write(args: argparse.Namespace, what: str) -> int:
    from espm_desktop.app.sge_documents import write_annual_report, write_workbook
    from espm_desktop.fs.atomic_files import OutputError

    read = _participant(args, need_savings=True)
    file, analysis = read.file, read.analysis
    assert analysis is not None
    protected = (Path(args.db or paths.default_db_path()),)
    try:
        if what == "workbook":
            write_workbook(file, analysis, args.out, protected=protected, daily_mean_c=read.daily_mean_c)
        else:
            write_annual_report(file, analysis, args.out, args.lang, protected=protected)
    except OutputError as exc:
        _error(exc.message(args.lang))
        return EXIT_INPUT
    except OSError as exc:
        _error(cannot_write(args.out, exc, args.lang))
        return EXIT_INPUT
    done = (
        message("Calculation file written to {out}", out=str(args.out))
        if what == "workbook"
        else message("Annual report written to {out}", out=str(args.out))
    )
    print(done.text(args.lang))
    return EXIT_OK


def run_sge(args: argparse.Namespace) -> int:
    """Run `sge statement|workbook|report`; returns the exit code (0, 2 or 3)."""
    try:
        if args.sge_command == "statement":
            return _cmd_statement(args)
        return _write(args, args.sge_command)
    except _Refused as refused:
        return refused.code


def main(argv: list[str] | None = None) -> int:
    """`python -m espm_desktop.cli_sge sge …`, until cli.py lists the command."""
    parser = argparse.ArgumentParser(prog="espm-desktop", epilog=SGE_EXIT_CODES)
    add_sge_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    with messages_in(args.lang):
        return run_sge(args)


if __name__ == "__main__":
    sys.exit(main())
