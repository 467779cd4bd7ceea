"""Where the app keeps its files. Environment variables override every folder (useful for tests and portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "ESPM Desktop"
APP_AUTHOR = "ESPM Desktop"

_dirs = PlatformDirs(APP_NAME, APP_AUTHOR)


def _override(var: str, default: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path(default)


def data_dir() -> Path:
    return _override("ESPM_DESKTOP_DATA_DIR", _dirs.user_data_dir)


def log_dir() -> Path:
    return _override("ESPM_DESKTOP_LOG_DIR", _dirs.user_log_dir)


def cache_dir() -> Path:
    return _override("ESPM_DESKTOP_CACHE_DIR", _dirs.user_cache_dir)


def config_file() -> Path:
    """The settings file (language, window geometry, last page, remembered import mappings)."""
    return _override("ESPM_DESKTOP_CONFIG", str(Path(_dirs.user_config_dir) / "settings.ini"))


def default_db_path() -> Path:
    """`ESPM_DESKTOP_DB` wins; otherwise espm.sqlite in the user data folder."""
    value = os.environ.get("ESPM_DESKTOP_DB")
    return Path(value) if value else data_dir() / "espm.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def backup_dir() -> Path:
    """The folder that holds every database's backups (one sub-folder per database)."""
    return _override("ESPM_DESKTOP_BACKUP_DIR", str(Path(_dirs.user_data_dir) / "backups"))


def database_backup_dir(db_path: Path, base: Path | None = None) -> Path:
    """One backup folder per database, named after the file and its full path (two `espm.sqlite` don't mix)."""
    import hashlib

    absolute = str(Path(db_path).absolute())
    digest = hashlib.sha1(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return (base or backup_dir()) / f"{Path(db_path).stem}-{digest}"
