"""Opening a database file safely: every way a file can be wrong is named before anything is written to it.

`open_database` is the one door used by the window and the command line. It checks, with sqlite3 alone and in
this order: a folder instead of a file, a file that is not a database (or another program's database), a file
made by a newer version of the app, a damaged file (`PRAGMA quick_check`), a file or folder that can't be
written (opened read-only), and only then upgrades the schema (backup first, one transaction). Nothing is
written to a file that fails a check.

The window opens a file already at the newest schema with `defer_check=True`: the first screen is filled (read
only) while `IntegrityCheck` runs the damaged-file check on another thread, and nothing is written until it has
passed (the window's engine waits for it). A file that needs an upgrade is always checked first.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from espm_desktop.core import i18n
from espm_desktop.core.formatting import is_french
from espm_desktop.core.i18n import N_, Message, current_language
from espm_desktop.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from espm_desktop.db.sqlite_files import connect_read_only
from espm_desktop.fs import fsync_file, fsync_folder

log = logging.getLogger(__name__)

# What each problem says (the catalog holds the French); {path}, {detail}, {backup}, {revision} are filled in.
_MESSAGES: dict[str, str] = {
    "directory": N_("{path} is a folder, not a database file. Choose a file ending in .sqlite."),
    "missing": N_("There is no database file at {path}."),
    "no_access": N_(
        "ESPM Desktop is not allowed to read or create {path} ({detail}). Choose a folder in your documents, "
        "or ask your administrator for access."
    ),
    "not_database": N_(
        "{path} is not an ESPM Desktop database (it is not an SQLite file). It was left untouched. "
        "Open the .sqlite file made by ESPM Desktop, or import a spreadsheet with File → Import bills."
    ),
    "other_database": N_(
        "{path} is a database of another program, not of ESPM Desktop. It was left untouched."
    ),
    "newer": N_(
        "{path} was made by a newer version of ESPM Desktop (schema {revision}). Update the app to open it. "
        "The file was left untouched."
    ),
    "corrupt": N_(
        "{path} is damaged: SQLite's integrity check found errors in it. Nothing was written to it. Restore a "
        "backup, or open another database."
    ),
    "locked": N_(
        "{path} is being changed by another program (another ESPM Desktop window, an import on the command "
        "line, or a database browser) and stayed locked for more than 5 seconds. Nothing was changed. "
        "Try again when it has finished."
    ),
    "read_only_upgrade": N_(
        "{path} was made by an older version of ESPM Desktop and must be upgraded, but it is read-only "
        "({detail}). Copy it to a folder where you can write, then open the copy."
    ),
    "disk_full": N_(
        "There is not enough free space to open {path} safely ({detail}). Nothing was changed. "
        "Free some space on the disk, then try again."
    ),
    "upgrade_failed": N_(
        "{path} could not be upgraded to this version ({detail}). The file was left as it was. "
        "A copy made before the upgrade is at {backup}."
    ),
}

_READ_ONLY_REASONS = {
    "file": N_("the file is read-only"),
    "folder": N_("its folder is read-only"),
}


def _language(language: str | None) -> str:
    return "fr" if is_french(language or current_language()) else "en"


class DatabaseProblem(Exception):
    """A database file that can't be opened (or changed) as asked; `message(language)` tells the user why."""

    def __init__(
        self,
        kind: str,
        path: Path,
        detail: str = "",
        backup: Path | None = None,
        revision: str | None = None,
    ) -> None:
        assert kind in _MESSAGES, kind
        self.kind = kind
        self.path = Path(path)
        self.detail = detail
        self.backup = backup
        self.revision = revision
        super().__init__(self.text("en"))

    @property
    def technical(self) -> str:
        """What SQLite said, for the details of a dialog and the log; the message itself stays plain."""
        return self.detail

    @property
    def reason(self) -> Message:
        """Why, in no language yet (core.i18n); a read-only reason among the details is translated too."""
        detail: str | Message = self.detail
        if self.detail in _READ_ONLY_REASONS.values():
            detail = Message(self.detail)
        return Message(
            _MESSAGES[self.kind],
            {
                "path": str(self.path),
                "detail": detail,
                "backup": str(self.backup or "—"),
                "revision": self.revision or "?",
            },
        )

    def text(self, language: str | None = None) -> str:
        """The message in `language` (the current one when None)."""
        return self.reason.text(_language(language))

    def message(self, language: str) -> str:
        return self.text(language)


@dataclass(frozen=True)
class OpenedDatabase:
    """A database that passed every check and is at the newest schema (unless opened read-only)."""

    path: Path
    read_only: bool = False
    read_only_reason: str = ""  # "file" or "folder"
    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None
    # Opened with defer_check=True and at the newest schema: the damaged-file check is still to run
    # (IntegrityCheck); nothing may be written before it passes.
    check_pending: bool = False

    def read_only_message(self, language: str) -> str:
        reason = _READ_ONLY_REASONS.get(self.read_only_reason)
        return Message(
            "Read-only: {reason}. You can look at the data and export it, not change it.",
            {"reason": Message(reason) if reason else ""},
        ).text(_language(language))


def sqlite_error_kind(exc: BaseException) -> str | None:
    """'locked', 'disk_full', 'read_only', 'corrupt' or 'io' for an sqlite3 / SQLAlchemy / OS error; else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return "disk_full"
        if isinstance(current, sqlite3.Error):
            text = str(current).lower()
            if "locked" in text or "busy" in text:
                return "locked"
            if "full" in text:
                return "disk_full"
            if "readonly" in text or "read-only" in text:
                return "read_only"
            if "malformed" in text or "not a database" in text:
                return "corrupt"
            if "disk i/o" in text:
                return "io"
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)
    return None


_SAVE_MESSAGES = {
    "locked": N_(
        "The change was not saved: another program (another ESPM Desktop window, an import on the command "
        "line or a database browser) kept the database locked for more than 5 seconds. Try again when it has "
        "finished."
    ),
    "disk_full": N_("The change was not saved: the disk is full. Free some space, then try again."),
    "read_only": N_("The change was not saved: this database is open read-only."),
    "corrupt": N_(
        "The change was not saved: the database file is damaged. Restore a backup (File → Restore from "
        "backup…)."
    ),
    "io": N_("The change was not saved: the database file could not be written (disk or network error)."),
}


def save_error_message(exc: BaseException, language: str) -> str | None:
    """A sentence for the user when a save failed for a reason of the database file; None for other errors."""
    kind = sqlite_error_kind(exc)
    if kind is None:
        return None
    return i18n._(_SAVE_MESSAGES[kind], _language(language))


def _writable(path: Path) -> str:
    """'' when the database and its folder can be written; else 'file' or 'folder'."""
    if path.exists() and not os.access(path, os.W_OK):
        return "file"
    if not os.access(path.parent, os.W_OK):
        return "folder"
    return ""


def _damage(con: sqlite3.Connection, path: Path) -> DatabaseProblem | None:
    """PRAGMA quick_check(5) of the file: None when it passes, else a "corrupt" problem naming up to five errors.
    It reads the whole file (0.1–0.2 s at 60 MB)."""
    try:
        result = [str(r[0]) for r in con.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return DatabaseProblem("corrupt", path, str(exc))
    return None if result == ["ok"] else DatabaseProblem("corrupt", path, "; ".join(result)[:300])


class IntegrityCheck:
    """The damaged-file check of a database opened with `defer_check`, run on another thread: `wait()` gives
    None when the file passed, else the DatabaseProblem ("corrupt", or why the file could not be read)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._done = threading.Event()
        self._problem: DatabaseProblem | None = None
        self._lock = threading.Lock()
        self._started = False

    def start(self) -> IntegrityCheck:
        """Begin the check on another thread (once; later calls do nothing)."""
        with self._lock:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, name="integrity_check", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            self._problem = _check_now(self.path)
        except Exception as exc:  # noqa: BLE001 (a check that can't run must not pass for one that did)
            log.exception("Integrity check of %s could not run", self.path)
            self._problem = DatabaseProblem("corrupt", self.path, f"{type(exc).__name__}: {exc}"[:300])
        finally:
            self._done.set()

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def wait(self) -> DatabaseProblem | None:
        """The result, starting the check first if nobody has."""
        self.start()
        self._done.wait()
        return self._problem


def _check_now(path: Path) -> DatabaseProblem | None:
    """PRAGMA quick_check of the file as it is now: None if it passes, else the problem."""
    try:
        con = connect_read_only(path, check_same_thread=False)
    except sqlite3.DatabaseError as exc:
        return DatabaseProblem("corrupt", path, str(exc))
    try:
        return _damage(con, path)
    finally:
        con.close()


def _inspect(path: Path, defer_check: bool = False) -> tuple[str | None, bool]:
    """(revision, has_tables) of an existing file; raises DatabaseProblem for a file that fails a check. With
    `defer_check`, a file at the newest schema is not given the damaged-file check (the caller runs it later)."""
    try:
        con = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text or "encrypted" in text:
            raise DatabaseProblem("not_database", path) from exc
        if "locked" in text or "busy" in text:
            raise DatabaseProblem("locked", path) from exc
        if "malformed" in text:
            raise DatabaseProblem("corrupt", path, str(exc)) from exc
        raise DatabaseProblem("no_access", path, str(exc)) from exc
    try:
        try:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise DatabaseProblem("corrupt", path, str(exc)) from exc
        user_tables = {n for n in names if not n.startswith("sqlite_")}
        revision: str | None = None
        if "alembic_version" in names:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else None
        elif user_tables:
            raise DatabaseProblem("other_database", path)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DatabaseProblem("newer", path, revision=revision)
        if defer_check and revision == HEAD_REVISION:
            return revision, bool(user_tables)
        problem = _damage(con, path)
        if problem is not None:
            raise problem
        return revision, bool(user_tables)
    finally:
        con.close()


def open_database(
    path: Path | str, *, create: bool = True, backup_folder: Path | None = None, defer_check: bool = False
) -> OpenedDatabase:
    """Check a database file and bring it to the newest schema; raises DatabaseProblem with the reason. With
    `defer_check`, a file at the newest schema comes back with `check_pending` (run `IntegrityCheck` before
    writing)."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseProblem("directory", path)
    if not path.exists():
        if not create:
            raise DatabaseProblem("missing", path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblem("no_access", path, exc.strerror or str(exc)) from exc
        if _writable(path):
            raise DatabaseProblem("no_access", path, _READ_ONLY_REASONS["folder"])
        _upgrade(path, None, backup_folder)
        return OpenedDatabase(path, created=True)
    if not os.access(path, os.R_OK):
        raise DatabaseProblem("no_access", path, "permission denied")
    if path.stat().st_size == 0:
        revision, has_tables = None, False  # SQLite takes an empty file as an empty database
    else:
        revision, has_tables = _inspect(path, defer_check)
    read_only = _writable(path)
    if revision == HEAD_REVISION:
        return OpenedDatabase(
            path, read_only=bool(read_only), read_only_reason=read_only, check_pending=defer_check
        )
    if read_only:
        reason = _READ_ONLY_REASONS[read_only]
        if revision is None and not has_tables:
            raise DatabaseProblem("no_access", path, reason)
        raise DatabaseProblem("read_only_upgrade", path, reason, revision=revision)
    backup = _upgrade(path, revision, backup_folder)
    return OpenedDatabase(
        path, created=revision is None and not has_tables, upgraded_from=revision, backup=backup
    )


def _upgrade(path: Path, revision: str | None, backup_folder: Path | None) -> Path | None:
    from espm_desktop.db.backups import BackupError
    from espm_desktop.db.engine import MigrationIntegrityError, upgrade_database

    try:
        return upgrade_database(path, backup_folder=backup_folder)
    except BackupError as exc:
        if exc.reason == "disk_full":
            raise DatabaseProblem("disk_full", path, exc.text("en")) from exc
        raise DatabaseProblem("upgrade_failed", path, exc.text("en")) from exc
    except MigrationIntegrityError as exc:
        log.exception("Upgrade of %s refused", path)
        raise DatabaseProblem(
            "upgrade_failed", path, str(exc), backup=_latest_pre_upgrade(path, backup_folder)
        ) from exc
    except Exception as exc:
        kind = sqlite_error_kind(exc)
        log.exception("Upgrade of %s from %s failed", path, revision)
        backup = _latest_pre_upgrade(path, backup_folder)
        if kind == "locked":
            raise DatabaseProblem("locked", path, backup=backup) from exc
        if kind == "disk_full":
            raise DatabaseProblem("disk_full", path, "disk full", backup=backup) from exc
        raise DatabaseProblem(
            "upgrade_failed", path, f"{type(exc).__name__}: {exc}"[:300], backup=backup
        ) from exc


def _latest_pre_upgrade(path: Path, folder: Path | None) -> Path | None:
    from espm_desktop.db.backups import list_backups

    try:
        found = [b for b in list_backups(path, folder) if b.kind == "pre-upgrade"]
    except Exception:  # noqa: BLE001 — naming the backup is a help, not a condition
        return None
    return found[0].path if found else None


def copy_database(source: Path, target: Path) -> None:
    """Copy a database through SQLite (consistent even while in use) to a new file, written atomically."""
    source, target = Path(source), Path(target)
    if target.exists() and source.exists() and target.samefile(source):
        raise DatabaseProblem("no_access", target, "the copy would replace the database itself")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        src = connect_read_only(source)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=WAL")
                (result,) = dst.execute("PRAGMA quick_check").fetchone()
                if result != "ok":
                    raise DatabaseProblem("corrupt", source, str(result))
            finally:
                dst.close()
        finally:
            src.close()
        fsync_file(partial)
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(partial, target)
        fsync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
