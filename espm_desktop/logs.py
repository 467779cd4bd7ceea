"""The log file that the window and the command line share (one file, same format)."""

from __future__ import annotations

import logging
from pathlib import Path

from espm_desktop import paths

LOG_FILE_NAME = "espm-desktop.log"


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging() -> Path | None:
    """Send this run's log records to the log file (not to the terminal); None when it cannot be opened."""
    target = log_file()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "espm_desktop_log", False)]:
        root.removeHandler(handler)
        handler.close()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(target, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.espm_desktop_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return target
