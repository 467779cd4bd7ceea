from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings, logs, data and cache folders: nothing leaks between tests."""
    home = tmp_path / "user"
    monkeypatch.setenv("ESPM_DESKTOP_CONFIG", str(home / "config" / "settings.ini"))
    monkeypatch.setenv("ESPM_DESKTOP_LOG_DIR", str(home / "log"))
    monkeypatch.setenv("ESPM_DESKTOP_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ESPM_DESKTOP_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("ESPM_DESKTOP_BACKUP_DIR", str(home / "backups"))
    monkeypatch.delenv("ESPM_DESKTOP_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database file migrated to the newest schema."""
    from espm_desktop.db.engine import upgrade_database

    path = tmp_path / "test.sqlite"
    upgrade_database(path)
    return path


@pytest.fixture
def engine(db_path: Path) -> Iterator[object]:
    from espm_desktop.db.engine import make_engine

    eng = make_engine(db_path)
    yield eng
    eng.dispose()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    from espm_desktop.db.demo import create_demo_database

    return create_demo_database(tmp_path / "demo.sqlite")
