"""The ORM models and the migrations describe the same schema: a model change without its migration fails here."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, Table, create_engine

from espm_desktop.db.base import schema_metadata


def differences(db_path: Path, metadata: MetaData) -> list[object]:
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def test_the_models_are_the_head_revision(db_path: Path) -> None:
    assert differences(db_path, schema_metadata()) == []


def test_the_comparison_sees_a_table_without_migration(db_path: Path) -> None:
    metadata = MetaData()
    for table in schema_metadata().tables.values():
        table.to_metadata(metadata)
    Table("unmigrated", metadata, Column("id", Integer, primary_key=True))
    assert [d[0] for d in differences(db_path, metadata)] == [("add_table")]
