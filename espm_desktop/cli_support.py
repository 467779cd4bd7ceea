"""What every command-line job shares: the log file, one-line messages, JSON on stdout, and the last-resort
handler that turns an unexpected exception into one line and a documented exit code (never a traceback).

Qt-free; the window logs to the same file through espm_desktop.logs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from espm_desktop.core import i18n
from espm_desktop.core.i18n import message
from espm_desktop.logs import log_file, setup_logging

__all__ = ["log_file", "setup_logging"]  # the CLI's log helpers, from espm_desktop.logs

EXIT_DONE = 0
EXIT_STRICT_REFUSED = 1
EXIT_BAD_INPUT = 2
EXIT_DATABASE = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130
"""128 + SIGINT, what shells report for Ctrl+C."""
EXIT_OUTPUT_CLOSED = 141
"""128 + SIGPIPE: the program reading the output stopped early (`| head`)."""

MAX_MESSAGE_CHARS = 2000

log = logging.getLogger("espm_desktop.cli")

# Characters that would break the one-line promise or drive the terminal: controls, line and paragraph
# separators, unpaired surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(text: str) -> str:
    """The text on one printable line: control characters and line breaks shown as escapes, length bounded."""
    text = _UNPRINTABLE.sub(lambda m: json.dumps(m.group())[1:-1], text)
    return text if len(text) <= MAX_MESSAGE_CHARS else f"{text[: MAX_MESSAGE_CHARS - 1]}…"


@contextmanager
def messages_in(language: str | None) -> Iterator[None]:
    """A job's messages in its --lang (core.i18n's one language); the language before is put back after, as
    tests and embedding programs run several jobs in one process. None keeps the current language."""
    before = i18n.current_language()
    if language:
        i18n.set_language(language)
    try:
        yield
    finally:
        i18n.set_language(before)


def cannot_write(out: Path | str, exc: OSError, language: str | None = None) -> str:
    """The error for an output file the system refused to write."""
    return message("cannot write {out}: {reason}", out=str(out), reason=str(exc.strerror or exc)).text(
        language
    )


def out_is_database(out: Path | str, language: str | None = None) -> str:
    """The error for an --out that names the database the command reads."""
    return message("--out {out} is the database itself; choose another file name.", out=str(out)).text(
        language
    )


def print_error(text: str) -> None:
    print(f"error: {one_line(text)}", file=sys.stderr)


def print_warning(text: str) -> None:
    print(f"warning: {one_line(text)}", file=sys.stderr)


def print_out(text: str) -> None:
    """A line on stdout, with escapes for characters the terminal's encoding cannot show."""
    try:
        print(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "ascii"
        print(text.encode(encoding, "backslashreplace").decode(encoding))


def print_json(data: Any) -> None:
    """Valid JSON on stdout: NaN or Infinity raise ValueError instead of being written."""
    try:
        print(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
    except UnicodeEncodeError:  # a console that is not UTF-8: \u escapes are still the same JSON
        print(json.dumps(data, indent=2, ensure_ascii=True, allow_nan=False))


def _subject(args: argparse.Namespace | None) -> str:
    """The files a job was working on, to name them in the last-resort message."""
    if args is None:
        return ""
    names: list[str] = []
    for attr in ("json_file", "files", "out", "db"):
        value = getattr(args, attr, None)
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            names.append(str(item))
    if not names:
        return ""
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return f" ({shown})"


def _write_traceback(exc: BaseException, command: str) -> str:
    """Log the traceback; the sentence that tells the user where to find it."""
    text = "".join(traceback.format_exception(exc))
    target = log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(
                f"ERROR espm_desktop.cli: unexpected error in '{command}' (pid {os.getpid()}):\n{text}\n"
            )
    except OSError as err:
        return f"the details could not be written to {target} ({err.strerror})"
    return f"details in {target}"


def run_guarded(job: Callable[[], int], arguments: Callable[[], argparse.Namespace | None]) -> int:
    """Run a job; an exception it did not handle becomes one line on stderr and a documented exit code.

    A database error that `save_error_message` recognises (locked, read-only, disk full) exits 3; anything
    else is an internal error: the traceback goes to the log file and the job exits 4. `arguments` gives
    the parsed command line, if parsing got that far, to name the command and its files.
    """
    try:
        return job()
    except BaseException as exc:
        if isinstance(exc, SystemExit | GeneratorExit):
            raise
        args = arguments()
        return _report(exc, args, getattr(args, "command", None) or "espm-desktop")


def _report(exc: BaseException, args: argparse.Namespace | None, command: str) -> int:
    if isinstance(exc, KeyboardInterrupt):
        print("error: interrupted (Ctrl+C); the job stopped before it finished.", file=sys.stderr)
        return EXIT_INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # The reader of stdout went away (`| head`): nothing to tell it; keep Python's exit flush quiet.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OUTPUT_CLOSED
    if isinstance(exc, MemoryError):
        print_error(f"{command}{_subject(args)}: ran out of memory; {_write_traceback(exc, command)}")
        return EXIT_INTERNAL
    database = _database_message(exc, getattr(args, "lang", None) or "en")
    if database is not None:
        log.warning("database error in %s", command, exc_info=exc)
        print_error(f"{command}{_subject(args)}: {database}")
        return EXIT_DATABASE
    where = _write_traceback(exc, command)
    what = one_line(str(exc))
    what = what if len(what) <= 300 else f"{what[:299]}…"  # the log path must stay on the line
    print_error(f"internal error in '{command}'{_subject(args)}: {type(exc).__name__}: {what}; {where}")
    return EXIT_INTERNAL


def _database_message(exc: BaseException, language: str) -> str | None:
    try:
        from espm_desktop.app.database import save_error_message

        return save_error_message(exc, language)
    except Exception:  # the database layer itself failing to import is an internal error, reported as such
        return None
