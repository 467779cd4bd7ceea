from __future__ import annotations

from alembic import context

from espm_desktop.db.base import schema_metadata

config = context.config
engine = config.attributes["engine"]

# The engine (db.engine._migration_engine) has foreign keys off and opens BEGIN IMMEDIATE: every migration runs
# in this one transaction, and the references are checked before it commits.
with engine.begin() as connection:
    # foreign_key_check can't see rows a cascade already deleted: only foreign keys off keeps a rebuild safe.
    if connection.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("upgrades run with foreign keys off: a table rebuild would cascade deletes")
    context.configure(
        connection=connection,
        target_metadata=schema_metadata(),
        render_as_batch=True,
        compare_type=True,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if violations:
        from espm_desktop.db.engine import MigrationIntegrityError

        raise MigrationIntegrityError([tuple(v) for v in violations])
