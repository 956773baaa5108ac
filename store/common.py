"""Small things every store module uses: the bind, UTC times, transactions, dialect inserts and
the normalised words a client is known and searched by. No Streamlit."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine

from i18n import fold_words

Bind = Engine | Connection


def utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def parse_iso(text: str) -> datetime:
    try:
        return utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except (ValueError, AttributeError):
        return utc_now()


@contextlib.contextmanager
def transaction(bind: Bind) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.begin() as conn:
            yield conn


def dialect_insert(conn: Connection):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert


plain = fold_words  # identity and search: accents, case, punctuation and extra spaces ignored


def client_key(name: str) -> str:
    """The identity of a business: accents, case, punctuation and spaces ignored, so
    'Καφέ «Ήλιος» Ο.Ε.', 'καφε ηλιος οε' and 'ΚΑΦΕ ΗΛΙΟΣ ΟΕ' are one client."""
    return plain(name).replace(" ", "")
