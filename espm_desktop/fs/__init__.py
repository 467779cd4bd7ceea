"""File-system primitives shared by every layer that writes files (outputs, backups, database copies)."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    """Flush a file we made to the disk. Never call it on a database that a connection may hold: closing any
    descriptor of a file drops every POSIX lock this process has on it."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; Windows can't open a folder for fsync (NTFS journals the rename)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EROFS):
            raise
    finally:
        os.close(fd)
