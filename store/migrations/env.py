"""Alembic environment, driven from code: the caller passes an open connection in
config.attributes["connection"] (store.migrations.upgrade). Without one (the alembic CLI), the
URL comes from CXAUDIT_DATABASE_URL / the default SQLite file."""
from alembic import context

from store.schema import metadata

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from sqlalchemy import create_engine

    from store.db import database_url

    engine = create_engine(database_url())
    with engine.begin() as conn:
        _run(conn)
