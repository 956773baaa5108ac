"""Branding kept in the database: the organisation's (firm name, accent colour, logo) and the
business's own logo per assessment. Set once on the Plan page, used by every download.

Branding belongs to an organisation (the consultancy). Until there is sign-in there is one, id
DEFAULT_ORGANISATION; every function takes the organisation id so that sign-in only has to pass
the user's. Logos are stored as report.load_logo returns them (a PNG at most 900 px a side), so
a download never decodes the uploaded file again. No Streamlit here.
"""
from __future__ import annotations

from contextlib import nullcontext
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, select

from report.branding import DEFAULT_ACCENT, Branding
from store.schema import assessments, business_logos, organisations

Bind = Engine | Connection
DEFAULT_ORGANISATION = "default"


def _now() -> datetime:
    return datetime.now(UTC)


def load_branding(bind: Bind, organisation: str = DEFAULT_ORGANISATION) -> Branding:
    """The organisation's branding; the plain report's (no name, default blue, no logo) if never set."""
    with bind.connect() if isinstance(bind, Engine) else nullcontext(bind) as conn:
        row = conn.execute(select(organisations.c.name, organisations.c.accent, organisations.c.logo)
                           .where(organisations.c.id == organisation)).first()
    if row is None:
        return Branding()
    return Branding(firm=row.name, accent=row.accent or DEFAULT_ACCENT, logo=row.logo)


def save_branding(bind: Bind, branding: Branding, organisation: str = DEFAULT_ORGANISATION,
                  by: str | None = None) -> Branding:
    """Store the organisation's firm name, accent and logo (all three: what the form shows).
    The business logo is not the organisation's: see save_business_logo. Returns what was stored."""
    values = {"name": branding.firm, "accent": "" if branding.accent == DEFAULT_ACCENT else branding.accent,
              "logo": branding.logo, "updated_at": _now(), "updated_by": by}
    with bind.begin() if isinstance(bind, Engine) else nullcontext(bind) as conn:
        conn.execute(_upsert(conn, organisations).values(id=organisation, **values)
                     .on_conflict_do_update(index_elements=["id"], set_=values))
    return Branding(firm=branding.firm, accent=branding.accent, logo=branding.logo)


def load_business_logo(bind: Bind, assessment_id: str | None) -> bytes | None:
    """This assessment's business logo or, for a reassessment, the latest one of the same client."""
    if not assessment_id:
        return None
    with bind.connect() if isinstance(bind, Engine) else nullcontext(bind) as conn:
        logo = conn.execute(select(business_logos.c.logo)
                            .where(business_logos.c.assessment_id == assessment_id)).scalar()
        if logo is not None:
            return logo
        client = conn.execute(select(assessments.c.client_id).where(assessments.c.id == assessment_id)).scalar()
        if client is None:
            return None
        return conn.execute(
            select(business_logos.c.logo)
            .join(assessments, assessments.c.id == business_logos.c.assessment_id)
            .where(assessments.c.client_id == client, assessments.c.deleted_at.is_(None))
            .order_by(business_logos.c.updated_at.desc()).limit(1)).scalar()


def save_business_logo(bind: Bind, assessment_id: str, logo: bytes | None) -> None:
    """Keep (or, with None, remove) the business logo of this assessment."""
    with bind.begin() if isinstance(bind, Engine) else nullcontext(bind) as conn:
        if logo is None:
            conn.execute(delete(business_logos).where(business_logos.c.assessment_id == assessment_id))
            return
        values = {"logo": logo, "updated_at": _now()}
        conn.execute(_upsert(conn, business_logos).values(assessment_id=assessment_id, **values)
                     .on_conflict_do_update(index_elements=["assessment_id"], set_=values))


def _upsert(conn: Connection, table):
    """INSERT … ON CONFLICT DO UPDATE in the database's own dialect (SQLite and PostgreSQL both
    have it): two tabs saving at once never fail on the primary key."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table)

