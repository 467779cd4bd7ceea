"""The one way the app writes an output file (CSV, xlsx, PDF, PNG, SVG): whole or not at all, never the database.

Every write goes to a temporary file in the target's folder, named `.NAME.XXXXXXXX.partial`, is flushed and
fsynced, then renamed over the target with `os.replace` (the folder is fsynced where the OS allows). On any
exception, KeyboardInterrupt included, the temporary file is removed and the target is left as it was.

Before anything is created, `check_output_target` refuses: a name the file system can't encode, a folder, the
open database and its -wal/-shm/-journal files, any other SQLite file, a file in the backup folder, and a
special file (a device or a pipe).

Stale partial files: a process killed mid-write (SIGKILL, power loss) leaves at most one `.NAME.XXXXXXXX.partial`
entry (a file, or for workbooks a folder holding openpyxl's sheet scratch files) beside the target. No finished
file ever has that shape: a leading dot, eight characters of [a-z0-9_], then `.partial` (`is_partial_name`).
`find_partials(folder)` lists them; `remove_stale_partials(folder)` deletes those untouched for
`STALE_AFTER_S`; every write cleans the stale partials of its own target first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TextIO, overload

from espm_desktop import paths
from espm_desktop.core.i18n import N_, Message, Shown
from espm_desktop.fs import fsync_file, fsync_folder

SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
PARTIAL_SUFFIX = ".partial"
# A partial not modified for this long belongs to a process that is gone (an export takes seconds).
STALE_AFTER_S = 3600.0
# Room for the dot, the random part and the suffix within the usual 255-byte limit on a name.
_NAME_CHARS_KEPT = 50
_PARTIAL_RE = re.compile(r"^\..*\.[a-z0-9_]{8}\.partial$", re.DOTALL)
_DISK_FULL_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", None)) if code is not None
)

# What each problem says (English, translated through core.i18n); {path} and {detail} are filled in.
_MESSAGES: dict[str, str] = {
    "database": N_(
        "{path} is the database ESPM Desktop has open (or one of its files). It was left untouched; choose "
        "another file name."
    ),
    "sqlite_file": N_(
        "{path} is a database (an SQLite file). It was left untouched; choose another file name."
    ),
    "backup_folder": N_(
        "{path} is in the folder where ESPM Desktop keeps its backups. Nothing was written there; choose "
        "another folder."
    ),
    "directory": N_("{path} is a folder, not a file. Choose a file name inside it."),
    "special_file": N_("{path} is not an ordinary file (a device or a pipe). Choose a file in a folder."),
    "bad_name": N_(
        "The file name {path} holds characters the file system can't store. Nothing was written; choose "
        "another name."
    ),
    "disk_full": N_(
        "There is not enough free space to write {path} ({detail}). Nothing was changed; the previous file, "
        "if any, is intact. Free some space on the disk, or choose another one, then try again."
    ),
    "io": N_(
        "{path} could not be written ({detail}). Nothing was changed; the previous file, if any, is intact. "
        "If the file is open in another program, close it; check that the folder exists and that you may "
        "write in it, then try again."
    ),
}


def display_path(path: Path | str) -> str:
    """The path as text that can always be printed (a lone surrogate shows as \\udcxx)."""
    return os.fspath(path).encode("utf-8", "backslashreplace").decode("utf-8")


class OutputError(Shown, OSError):
    """An output file that was not written; `message(language)` says why in the user's words.

    A subclass of OSError so that callers that already catch OSError around a write keep working.
    """

    kind: str

    def __init__(self, kind: str, path: Path | str, detail: str = "", errno_: int | None = None) -> None:
        assert kind in _MESSAGES, kind
        self.kind = kind
        self.path = Path(path)
        self.detail = detail
        super().__init__(self.message("en"))
        self.errno = errno_
        self.strerror = self.message("en")
        self.filename = display_path(path)

    @property
    def problem(self) -> Message:
        """What went wrong and what to do, in no language yet (core.i18n)."""
        return Message(_MESSAGES[self.kind], {"path": display_path(self.path), "detail": self.detail})

    def message(self, language: str) -> str:
        return self.text(language)

    def __str__(self) -> str:
        return self.message("en")


class OutputRefused(OutputError):
    """A target that must never be written: the database, an SQLite file, a backup, a folder, a bad name."""


class OutputFailed(OutputError):
    """The write itself failed (`reason` "disk_full" or "io"); the target is as it was."""

    @property
    def reason(self) -> str:
        return self.kind


def _failed(exc: OSError, target: Path) -> OutputFailed:
    reason = "disk_full" if exc.errno in _DISK_FULL_ERRNOS else "io"
    detail = exc.strerror or str(exc) or type(exc).__name__
    return OutputFailed(reason, target, detail, exc.errno)


# -- checks ------------------------------------------------------------------------------------------------
def database_files(db_path: Path | str) -> tuple[Path, ...]:
    """The database file and its -wal, -shm and -journal companions."""
    base = os.fspath(db_path)
    return (Path(base), *(Path(base + suffix) for suffix in DATABASE_COMPANIONS))


def _canonical(path: Path) -> str:
    """An absolute path with its folder's symlinks resolved, for comparing names that may not exist yet."""
    absolute = Path(os.path.abspath(path))
    try:
        parent = absolute.parent.resolve()
    except (OSError, RuntimeError):
        parent = absolute.parent
    return os.path.normcase(str(parent / absolute.name))


def _is_protected(target: Path, protected: Iterable[Path | str]) -> bool:
    target_exists = os.path.lexists(target)
    canonical = _canonical(target)
    for db in protected:
        for candidate in database_files(db):
            try:
                if target_exists and candidate.exists() and os.path.samefile(target, candidate):
                    return True
            except OSError:
                pass
            if canonical == _canonical(candidate):
                return True
    return False


def _in_backup_folder(target: Path) -> bool:
    try:
        folder = os.path.normcase(str(Path(os.path.abspath(paths.backup_dir())).resolve()))
        places = (_canonical(target), os.path.normcase(os.path.realpath(target)))
    except (OSError, RuntimeError, ValueError):
        return False
    inside = folder.rstrip(os.sep) + os.sep
    return any(p == folder or p.startswith(inside) for p in places)


def _has_sqlite_header(target: Path) -> bool:
    """True when an existing file starts with SQLite's header (only called for files that are not protected)."""
    try:
        with open(target, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_output_target(target: Path | str, protected: Iterable[Path | str] = ()) -> Path:
    """Raise OutputRefused if `target` must not be written; return it as a Path.

    `protected`: the open database(s); their -wal/-shm/-journal files are protected with them. These are
    compared first, without opening anything: reading the header of the open database would drop this
    process's POSIX locks on it. Only then are other existing files opened to look for an SQLite header.
    """
    raw = os.fspath(target)
    try:
        os.fsencode(raw)
        if "\x00" in raw or not raw:
            raise ValueError(raw)
    except (UnicodeError, ValueError):
        raise OutputRefused("bad_name", raw) from None
    path = Path(raw)
    try:
        st: os.stat_result | None = os.stat(path)
    except (OSError, ValueError):  # missing, or not reachable: the write itself will say why
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputRefused("directory", path)
    protected_list = list(protected)
    if _is_protected(path, protected_list):
        raise OutputRefused("database", path)
    if _in_backup_folder(path):
        raise OutputRefused("backup_folder", path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputRefused("special_file", path)
    if st is not None and _has_sqlite_header(path):
        raise OutputRefused("sqlite_file", path)
    return path


# -- partial files -----------------------------------------------------------------------------------------
def is_partial_name(name: str) -> bool:
    """True for the name of an unfinished write (`.NAME.XXXXXXXX.partial`)."""
    return bool(_PARTIAL_RE.match(name))


def _partial_prefix(target_name: str) -> str:
    return "." + target_name[:_NAME_CHARS_KEPT] + "."


def find_partials(folder: Path, target_name: str | None = None) -> list[Path]:
    """Unfinished writes in `folder` (of one target when `target_name` is given)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    if target_name is None:
        return sorted(folder / n for n in names if is_partial_name(n))
    prefix = _partial_prefix(target_name)
    size = len(prefix) + 8 + len(PARTIAL_SUFFIX)
    return sorted(folder / n for n in names if is_partial_name(n) and n.startswith(prefix) and len(n) == size)


def remove_stale_partials(
    folder: Path, *, older_than_s: float = STALE_AFTER_S, target_name: str | None = None
) -> list[Path]:
    """Delete unfinished writes not modified for `older_than_s` (a live writer's file is newer); returns them."""
    removed: list[Path] = []
    now = time.time()
    for path in find_partials(folder, target_name):
        try:
            if now - path.lstat().st_mtime < older_than_s:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def _set_mode(partial: Path, target: Path) -> None:
    """The mode the target had, else what a plain open() would have given (mkstemp makes 0600 files)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_UMASK
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(partial, mode)


def _real_target(target: Path) -> Path:
    """Writing through a symlink replaces the file it points to, as a plain open() would, and keeps the link."""
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def _prepare(target: Path | str, protected: Iterable[Path | str]) -> Path:
    path = check_output_target(target, protected)
    real = _real_target(path)
    if real != path:
        check_output_target(real, protected)
    remove_stale_partials(real.parent, target_name=real.name)
    return real


def _commit(partial: Path, real: Path) -> None:
    _set_mode(partial, real)
    fsync_file(partial)
    os.replace(partial, real)
    fsync_folder(real.parent)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()


@contextlib.contextmanager
def atomic_output_path(target: Path | str, *, protected: Iterable[Path | str] = ()) -> Iterator[Path]:
    """A temporary path beside `target` for a library that writes a file itself; renamed over it on success.

    The library may truncate or recreate the file at that path. Raises OutputRefused before anything is
    created, OutputFailed (disk_full or io) when the write or the rename fails; the target is then untouched.
    """
    real = _prepare(target, protected)
    try:
        fd, name = tempfile.mkstemp(prefix=_partial_prefix(real.name), suffix=PARTIAL_SUFFIX, dir=real.parent)
    except OSError as exc:
        raise _failed(exc, Path(target)) from exc
    os.close(fd)
    partial = Path(name)
    try:
        yield partial
        if not partial.is_file():
            raise OutputFailed("io", Path(target), "the file was not created")
        _commit(partial, real)
    except OutputError:
        _discard(partial)
        raise
    except OSError as exc:
        _discard(partial)
        raise _failed(exc, Path(target)) from exc
    except BaseException:
        _discard(partial)
        raise


@overload
def atomic_write(
    target: Path | str,
    *,
    mode: Literal["wb"] = "wb",
    encoding: None = None,
    newline: None = None,
    protected: Iterable[Path | str] = (),
) -> contextlib.AbstractContextManager[BinaryIO]: ...


@overload
def atomic_write(
    target: Path | str,
    *,
    mode: Literal["w"],
    encoding: str | None = None,
    newline: str | None = None,
    protected: Iterable[Path | str] = (),
) -> contextlib.AbstractContextManager[TextIO]: ...


def atomic_write(
    target: Path | str,
    *,
    mode: Literal["wb", "w"] = "wb",
    encoding: str | None = None,
    newline: str | None = None,
    protected: Iterable[Path | str] = (),
) -> contextlib.AbstractContextManager[IO[Any]]:
    """A file object on a temporary file beside `target`; flushed, fsynced and renamed over it on success.

    Raises OutputRefused before anything is created, OutputFailed (disk_full or io) when writing fails; on any
    exception the temporary file is removed and the target is left as it was.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write writes a new file: mode 'w' or 'wb', not {mode!r}")
    return _atomic_write(target, mode, encoding, newline, protected)


@contextlib.contextmanager
def _atomic_write(
    target: Path | str,
    mode: str,
    encoding: str | None,
    newline: str | None,
    protected: Iterable[Path | str],
) -> Iterator[IO[Any]]:
    with atomic_output_path(target, protected=protected) as partial:
        with open(partial, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()


# openpyxl writes each sheet to a scratch file in the system temp folder first; these are patched into the
# write's own partial folder so a killed export leaves one recognisable entry beside the target, not
# sheet-sized files in the temp folder.
_OPENPYXL_LOCK = threading.RLock()


@contextlib.contextmanager
def _openpyxl_scratch_in(folder: Path) -> Iterator[None]:
    try:
        from openpyxl.worksheet import _writer
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        yield
        return
    original = getattr(_writer, "create_temporary_file", None)
    if original is None or not hasattr(_writer, "ALL_TEMP_FILES"):
        yield
        return

    def create_temporary_file(suffix: str = "") -> str:
        fd, name = tempfile.mkstemp(prefix="sheet.", suffix=suffix, dir=folder)
        os.close(fd)
        _writer.ALL_TEMP_FILES.append(name)
        return name

    with _OPENPYXL_LOCK:
        _writer.create_temporary_file = create_temporary_file
        try:
            yield
        finally:
            _writer.create_temporary_file = original


@contextlib.contextmanager
def atomic_workbook_path(target: Path | str, *, protected: Iterable[Path | str] = ()) -> Iterator[Path]:
    """Like `atomic_output_path`, for openpyxl: build and save the workbook inside the `with`.

    The path lies in a `.NAME.XXXXXXXX.partial` folder beside the target that also holds openpyxl's sheet
    scratch files; the folder is removed afterwards, whatever happens.
    """
    real = _prepare(target, protected)
    try:
        work = Path(
            tempfile.mkdtemp(prefix=_partial_prefix(real.name), suffix=PARTIAL_SUFFIX, dir=real.parent)
        )
    except OSError as exc:
        raise _failed(exc, Path(target)) from exc
    inner = work / "out.xlsx"
    try:
        with _openpyxl_scratch_in(work):
            yield inner
        if not inner.is_file():
            raise OutputFailed("io", Path(target), "the file was not created")
        _commit(inner, real)
    except OutputError:
        raise
    except OSError as exc:
        raise _failed(exc, Path(target)) from exc
    finally:
        _discard(work)
