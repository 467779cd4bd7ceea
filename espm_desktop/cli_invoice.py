"""`espm-desktop invoice`: an SGÉ payment invoice (or credit note) as a PDF, recorded in a database's register or
made from a JSON file.

    espm-desktop invoice --db PATH --participant ID --phase PHASE --amount AMOUNT [--year N] [--date YYYY-MM-DD]
                         [--sent [YYYY-MM-DD]] [--lang fr|en] --out OUT.pdf
    espm-desktop invoice --db PATH --participant ID --credit-note-for NUMBER [--amount AMOUNT] [--date …]
                         [--sent [YYYY-MM-DD]] --out OUT.pdf
    espm-desktop invoice --json FILE [--number NUMBER] [--lang fr|en] --out OUT.pdf

With --db the invoice takes the participant's next number (SGE-0001, SGE-0002…, never reused) and is recorded as
a draft, or, with --sent, checked against the participant's aid statement and frozen as sent; the number is
printed alone on standard output. Without --db nothing records numbers, so the number must be given (--number or
the file's invoice_number): the command no longer makes every such invoice SGE-0001.

Exit codes: 0 done; 2 bad arguments or input, a rule refused the invoice, or the PDF can't be written (nothing is
recorded then); 3 the database can't be opened or written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from espm_desktop.cli_support import (
    cannot_write,
    messages_in,
    out_is_database,
    print_error,
    print_out,
    print_warning,
)
from espm_desktop.core.i18n import _, message
from espm_desktop.core.sge.rules import Phase

EXIT_OK, EXIT_INPUT, EXIT_DATABASE = 0, 2, 3
INVOICE_EXIT_CODES = (
    "exit codes: 0 done; 2 bad arguments or input, an invoice refused by a rule, or a PDF that can't be written "
    "(nothing is recorded then); 3 the database can't be opened or written"
)


def add_invoice_db_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `invoice` beside --json/--out/--lang: the register of a database, and --number."""
    parser.add_argument("--db", type=Path, help="record the invoice in this database's register")
    parser.add_argument("--participant", type=int, help="SGÉ participant id (with --db)")
    parser.add_argument("--phase", choices=[p.value for p in Phase], help="phase invoiced (with --db)")
    parser.add_argument("--amount", help="aid amount in dollars and cents, e.g. 16650.00 (with --db)")
    parser.add_argument("--year", type=int, help="program year the invoice claims up to, 1 to 5 (with --db)")
    parser.add_argument("--date", help="invoice date YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--sent",
        nargs="?",
        const="",
        metavar="YYYY-MM-DD",
        help="mark it sent on this day (default: today): checked against the aid statement and frozen",
    )
    parser.add_argument("--credit-note-for", metavar="NUMBER", help="issue a credit note for this invoice")
    parser.add_argument(
        "--number", help="invoice number, required without --db (unless the JSON file has one)"
    )


def _day(text: str | None, option: str, lang: str) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            message("{option} {value}: enter a YYYY-MM-DD date.", option=option, value=repr(text[:40])).text(
                lang
            )
        ) from None


def _amount(text: str | None, lang: str) -> Decimal | None:
    from espm_desktop.core.sge.common import to_cents, to_decimal
    from espm_desktop.core.sge.invoice import MAX_AID_AMOUNT, MAX_AMOUNT_CHARS

    if text is None:
        return None
    if len(text) > MAX_AMOUNT_CHARS:
        raise ValueError(_("--amount: too long.", lang))
    value = to_decimal(text, "aid_amount")
    if abs(value) >= MAX_AID_AMOUNT or value != to_cents(value):
        raise ValueError(_("--amount: enter an amount in dollars and cents, under $1,000,000,000.", lang))
    return value


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def run_invoice_db(args: argparse.Namespace) -> int:
    """Run `invoice` (with or without --db); returns the exit code 0, 2 or 3."""
    if getattr(args, "db", None) is None:
        return _run_json(args)
    return _run_register(args)


def _run_json(args: argparse.Namespace) -> int:
    """`invoice --json FILE --out PDF`, as before, except that the number must now be given."""
    from dataclasses import replace

    from espm_desktop.app.json_files import JsonInputError, load_json
    from espm_desktop.app.sge_invoices import invoice_notes, write_invoice_pdf
    from espm_desktop.core.sge.common import SgeInputError
    from espm_desktop.core.sge.invoice import mark_sent, parse_invoice_data, validate_invoice
    from espm_desktop.fs.atomic_files import OutputError

    lang = args.lang or "en"
    if args.json_file is None:
        print_error(_("give --json FILE, or --db PATH --participant ID (see --help)", lang))
        return EXIT_INPUT
    source = "stdin" if str(args.json_file) == "-" else str(args.json_file)
    try:
        data = load_json(args.json_file, parse_float=Decimal)
        invoice = parse_invoice_data(data)  # the file's own errors first, each naming its key
        if args.number is not None:
            invoice = validate_invoice(replace(invoice, invoice_number=args.number))
        elif not isinstance(data, dict) or data.get("invoice_number") is None:
            print_error(
                message(
                    "{source}: no invoice number. Without --db, give --number (or 'invoice_number' in the file): "
                    "every invoice needs its own number, never reused.",
                    source=source,
                ).text(lang)
            )
            return EXIT_INPUT
    except JsonInputError as exc:
        print_error(f"{source}: {exc.message(lang)}")
        return EXIT_INPUT
    except SgeInputError as exc:
        print_error(f"{source}: {exc.field}: {exc.message(lang)}")
        return EXIT_INPUT
    # The file is the final invoice (nothing records drafts here): printed without a DRAFT mark.
    final = mark_sent(replace(invoice, language=args.lang or invoice.language))
    for note in invoice_notes(final):
        print_warning(f"{source}: {note.message(lang)}")
    try:
        write_invoice_pdf(final, args.out)
    except OutputError as exc:
        print_error(exc.message(lang))
        return EXIT_INPUT
    except OSError as exc:
        print_error(cannot_write(args.out, exc, lang))
        return EXIT_INPUT
    print_out(
        message("Invoice {number} written to {out}", number=invoice.invoice_number, out=str(args.out)).text(
            lang
        )
    )
    return EXIT_OK


def _run_register(args: argparse.Namespace) -> int:
    from espm_desktop.app.database import DatabaseProblem, database_engine, open_database, save_error_message
    from espm_desktop.app.sge_invoices import InvoiceRequest, StoreError, record_invoice
    from espm_desktop.core.sge.common import SgeInputError
    from espm_desktop.fs.atomic_files import OutputError

    lang = args.lang or "en"
    invoice_lang = args.lang or "fr"
    if args.participant is None:
        print_error(_("--db needs --participant ID", lang))
        return EXIT_INPUT
    if args.json_file is not None:
        print_error(_("give either --json FILE or --db PATH, not both", lang))
        return EXIT_INPUT
    if args.number is not None:
        print_error(_("with --db the number is the register's next one: leave --number out", lang))
        return EXIT_INPUT
    if args.credit_note_for is None and (args.phase is None or args.amount is None):
        print_error(
            _("an invoice needs --phase and --amount (or --credit-note-for NUMBER for a credit note)", lang)
        )
        return EXIT_INPUT
    try:
        invoice_date = _day(args.date, "--date", lang)
        sent_on = _day(args.sent, "--sent", lang) if args.sent is not None else None
        amount = _amount(args.amount, lang)
    except SgeInputError as exc:
        print_error(f"--amount: {exc.message(lang)}")
        return EXIT_INPUT
    except ValueError as exc:
        print_error(str(exc))
        return EXIT_INPUT
    db_path = Path(args.db)
    try:
        opened = open_database(db_path, create=False)
    except DatabaseProblem as exc:
        print_error(exc.message(lang))
        return EXIT_DATABASE
    if opened.read_only:
        print_error(opened.read_only_message(lang))
        return EXIT_DATABASE
    if _same_file(Path(args.out), db_path):
        print_error(out_is_database(args.out, lang))
        return EXIT_INPUT
    request = InvoiceRequest(
        participant_id=args.participant,
        invoice_date=invoice_date,
        language=invoice_lang,
        phase=Phase(args.phase) if args.credit_note_for is None else None,
        aid_amount=amount,
        program_year=args.year if args.credit_note_for is None else None,
        credit_note_for=args.credit_note_for,
        sent_on=sent_on,
    )
    engine = database_engine(db_path)
    try:
        # The PDF is written before the commit: a PDF that can't be written leaves nothing recorded, and a
        # record the database refuses leaves no PDF.
        recorded = record_invoice(
            engine,
            request,
            args.out,
            protected=(db_path,),
            on_note=lambda note: print_warning(note.message(lang)),
        )
    except (StoreError, SgeInputError) as exc:
        print_error(exc.message(lang))
        return EXIT_INPUT
    except OutputError as exc:
        print_error(exc.message(lang))
        return EXIT_INPUT
    except Exception as exc:  # a database error: locked, full disk, damaged file
        reason = save_error_message(exc, lang)
        if reason is None and isinstance(exc, OSError):
            print_error(cannot_write(args.out, exc, lang))
            return EXIT_INPUT
        if reason is None:
            raise
        print_error(f"{db_path}: {reason}")
        return EXIT_DATABASE
    finally:
        engine.dispose()
    inv, problem = recorded.stored.invoice, recorded.send_problem
    if inv.is_credit_note:
        done = (
            message(
                "credit note {number} recorded (sent), written to {out}",
                number=inv.invoice_number,
                out=str(args.out),
            )
            if sent_on is not None
            else message(
                "credit note {number} recorded (draft), written to {out}",
                number=inv.invoice_number,
                out=str(args.out),
            )
        )
    elif sent_on is not None:
        done = message(
            "invoice {number} recorded (sent), written to {out}", number=inv.invoice_number, out=str(args.out)
        )
    else:
        done = message(
            "invoice {number} recorded (draft), written to {out}",
            number=inv.invoice_number,
            out=str(args.out),
        )
    print(done.text(lang), file=sys.stderr)
    if problem is not None:
        print_warning(
            message("the draft can't be sent as it is: {problem}", problem=problem.message(lang)).text(lang)
        )
    print_out(inv.invoice_number)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """`python -m espm_desktop.cli_invoice …`, until cli.py passes `invoice` here."""
    parser = argparse.ArgumentParser(prog="espm-desktop invoice", epilog=INVOICE_EXIT_CODES)
    parser.add_argument("--json", dest="json_file", type=Path, help="input JSON file ('-' for stdin)")
    parser.add_argument("--out", type=Path, required=True, help="PDF file to write")
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the invoice and the messages")
    add_invoice_db_arguments(parser)
    args = parser.parse_args(argv)
    with messages_in(args.lang):
        return run_invoice_db(args)


if __name__ == "__main__":
    sys.exit(main())
