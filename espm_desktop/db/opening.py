"""Opening a database file safely: every way a file can be wrong is named before anything is written to it.

`open_database` is the one door used by the window and the command line. It checks, with sqlite3 alone and in
this order: a folder instead of a file, a file that is not a database (or another program's database), a file
made by a newer version of the app, a damaged file (`PRAGMA quick_check`), a file or folder that can't be
written (opened read-only), and only then upgrades the schema (backup first, one transaction). Nothing is
written to a file that fails a check.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from espm_desktop.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from espm_desktop.db.sqlite_files import connect_read_only
from espm_desktop.fs import fsync_file, fsync_folder

log = logging.getLogger(__name__)

# What each problem says, in English and French; {path}, {detail}, {backup}, {revision} are filled in.
_MESSAGES: dict[str, tuple[str, str]] = {
    "directory": (
        "{path} is a folder, not a database file. Choose a file ending in .sqlite.",
        "{path} est un dossier, pas un fichier de base de données. Choisissez un fichier .sqlite.",
    ),
    "missing": (
        "There is no database file at {path}.",
        "Aucun fichier de base de données à l'emplacement {path}.",
    ),
    "no_access": (
        "ESPM Desktop is not allowed to read or create {path} ({detail}). Choose a folder in your documents, "
        "or ask your administrator for access.",
        "ESPM Desktop n'a pas le droit de lire ou de créer {path} ({detail}). Choisissez un dossier dans vos "
        "documents ou demandez l'accès à votre administrateur.",
    ),
    "not_database": (
        "{path} is not an ESPM Desktop database (it is not an SQLite file). It was left untouched. "
        "Open the .sqlite file made by ESPM Desktop, or import a spreadsheet with File → Import bills.",
        "{path} n'est pas une base de données ESPM Desktop (ce n'est pas un fichier SQLite). Il n'a pas été "
        "modifié. Ouvrez le fichier .sqlite créé par ESPM Desktop, ou importez un chiffrier avec Fichier → "
        "Importer des factures.",
    ),
    "other_database": (
        "{path} is a database of another program, not of ESPM Desktop. It was left untouched.",
        "{path} est la base de données d'un autre programme, pas d'ESPM Desktop. Elle n'a pas été modifiée.",
    ),
    "newer": (
        "{path} was made by a newer version of ESPM Desktop (schema {revision}). Update the app to open it. "
        "The file was left untouched.",
        "{path} a été créé par une version plus récente d'ESPM Desktop (schéma {revision}). Mettez l'application "
        "à jour pour l'ouvrir. Le fichier n'a pas été modifié.",
    ),
    "corrupt": (
        "{path} is damaged: SQLite's integrity check found errors in it. Nothing was written to it. Restore a "
        "backup, or open another database.",
        "{path} est endommagé : la vérification d'intégrité de SQLite y a trouvé des erreurs. Rien n'y a été "
        "écrit. Restaurez une copie de sauvegarde ou ouvrez une autre base de données.",
    ),
    "locked": (
        "{path} is being changed by another program (another ESPM Desktop window, an import on the command "
        "line, or a database browser) and stayed locked for more than 5 seconds. Nothing was changed. "
        "Try again when it has finished.",
        "{path} est en cours de modification par un autre programme (une autre fenêtre d'ESPM Desktop, une "
        "importation en ligne de commande ou un navigateur de bases de données) et est resté verrouillé plus de "
        "5 secondes. Rien n'a été modifié. Réessayez lorsqu'il aura terminé.",
    ),
    "read_only_upgrade": (
        "{path} was made by an older version of ESPM Desktop and must be upgraded, but it is read-only "
        "({detail}). Copy it to a folder where you can write, then open the copy.",
        "{path} a été créé par une version antérieure d'ESPM Desktop et doit être mis à niveau, mais il est en "
        "lecture seule ({detail}). Copiez-le dans un dossier où vous pouvez écrire, puis ouvrez la copie.",
    ),
    "disk_full": (
        "There is not enough free space to open {path} safely ({detail}). Nothing was changed. "
        "Free some space on the disk, then try again.",
        "Il n'y a pas assez d'espace libre pour ouvrir {path} en toute sécurité ({detail}). Rien n'a été "
        "modifié. Libérez de l'espace sur le disque, puis réessayez.",
    ),
    "upgrade_failed": (
        "{path} could not be upgraded to this version ({detail}). The file was left as it was. "
        "A copy made before the upgrade is at {backup}.",
        "{path} n'a pas pu être mis à niveau pour cette version ({detail}). Le fichier est resté tel quel. "
        "Une copie faite avant la mise à niveau se trouve à {backup}.",
    ),
}

_READ_ONLY_REASONS = {
    "file": ("the file is read-only", "le fichier est en lecture seule"),
    "folder": ("its folder is read-only", "son dossier est en lecture seule"),
}


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
        super().__init__(self.message("en"))

    @property
    def technical(self) -> str:
        """What SQLite said, for the details of a dialog and the log; the message itself stays plain."""
        return self.detail

    def message(self, language: str) -> str:
        english, french = _MESSAGES[self.kind]
        text = french if language.startswith("fr") else english
        return text.format(
            path=self.path, detail=self.detail, backup=self.backup or "—", revision=self.revision or "?"
        )


@dataclass(frozen=True)
class OpenedDatabase:
    """A database that passed every check and is at the newest schema (unless opened read-only)."""

    path: Path
    read_only: bool = False
    read_only_reason: str = ""  # "file" or "folder"
    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None

    def read_only_message(self, language: str) -> str:
        reason = _READ_ONLY_REASONS.get(self.read_only_reason, ("", ""))[
            1 if language.startswith("fr") else 0
        ]
        if language.startswith("fr"):
            return (
                f"Lecture seule : {reason}. Vous pouvez consulter et exporter les données, pas les modifier."
            )
        return f"Read-only: {reason}. You can look at the data and export it, not change it."


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
    "locked": (
        "The change was not saved: another program (another ESPM Desktop window, an import on the command "
        "line or a database browser) kept the database locked for more than 5 seconds. Try again when it has "
        "finished.",
        "La modification n'a pas été enregistrée : un autre programme (une autre fenêtre d'ESPM Desktop, une "
        "importation en ligne de commande ou un navigateur de bases de données) a gardé la base de données "
        "verrouillée plus de 5 secondes. Réessayez lorsqu'il aura terminé.",
    ),
    "disk_full": (
        "The change was not saved: the disk is full. Free some space, then try again.",
        "La modification n'a pas été enregistrée : le disque est plein. Libérez de l'espace, puis réessayez.",
    ),
    "read_only": (
        "The change was not saved: this database is open read-only.",
        "La modification n'a pas été enregistrée : cette base de données est ouverte en lecture seule.",
    ),
    "corrupt": (
        "The change was not saved: the database file is damaged. Restore a backup (File → Restore from "
        "backup…).",
        "La modification n'a pas été enregistrée : le fichier de la base de données est endommagé. Restaurez "
        "une copie de sauvegarde (Fichier → Restaurer une sauvegarde…).",
    ),
    "io": (
        "The change was not saved: the database file could not be written (disk or network error).",
        "La modification n'a pas été enregistrée : le fichier de la base de données n'a pas pu être écrit "
        "(erreur de disque ou de réseau).",
    ),
}


def save_error_message(exc: BaseException, language: str) -> str | None:
    """A sentence for the user when a save failed for a reason of the database file; None for other errors."""
    kind = sqlite_error_kind(exc)
    if kind is None:
        return None
    english, french = _SAVE_MESSAGES[kind]
    return french if language.startswith("fr") else english


def _writable(path: Path) -> str:
    """'' when the database and its folder can be written; else 'file' or 'folder'."""
    if path.exists() and not os.access(path, os.W_OK):
        return "file"
    if not os.access(path.parent, os.W_OK):
        return "folder"
    return ""


def _inspect(path: Path) -> tuple[str | None, bool]:
    """(revision, has_tables) of an existing file; raises DatabaseProblem for a file that fails a check."""
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
        try:
            result = [str(r[0]) for r in con.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise DatabaseProblem("corrupt", path, str(exc)) from exc
        if result != ["ok"]:
            raise DatabaseProblem("corrupt", path, "; ".join(result)[:300])
        return revision, bool(user_tables)
    finally:
        con.close()


def open_database(
    path: Path | str, *, create: bool = True, backup_folder: Path | None = None
) -> OpenedDatabase:
    """Check a database file and bring it to the newest schema; raises DatabaseProblem with the reason."""
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
            raise DatabaseProblem("no_access", path, _READ_ONLY_REASONS["folder"][0])
        _upgrade(path, None, backup_folder)
        return OpenedDatabase(path, created=True)
    if not os.access(path, os.R_OK):
        raise DatabaseProblem("no_access", path, "permission denied")
    if path.stat().st_size == 0:
        revision, has_tables = None, False  # SQLite takes an empty file as an empty database
    else:
        revision, has_tables = _inspect(path)
    read_only = _writable(path)
    if revision == HEAD_REVISION:
        return OpenedDatabase(path, read_only=bool(read_only), read_only_reason=read_only)
    if read_only:
        reason = _READ_ONLY_REASONS[read_only][0]
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
            raise DatabaseProblem("disk_full", path, exc.message("en")) from exc
        raise DatabaseProblem("upgrade_failed", path, exc.message("en")) from exc
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
