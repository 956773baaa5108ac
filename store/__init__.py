"""Persistence: assessments, clients and history in SQLite (default) or PostgreSQL.

Nothing here imports streamlit. The Streamlit side is ui/persistence.py; docs/store.md explains
where the data lives, the CXAUDIT_DATABASE_URL setting, migrations, cells and conflicts. Every
function takes an Engine (or an open Connection). One module a concern: writes.py (write_cells,
save_assessment, import_document), reads.py (revs, cells, the document, the edit log),
denormalise.py (the row's company, client and scores), model_versions.py (model changes and
carrying over), listing.py (clients and history), bin.py (soft delete and restore), rows.py (the
errors and rows returned), common.py (transactions, UTC, client keys).

Rules, in one place:
- An assessment is stored as its cells (assessment/cells.py: one row per answer, note, plan field,
  profile field), and read back as their fold, so export → import → store → load returns the very
  same document. Scores are denormalised on the assessment row for listing.
- Writes are per cell (write_cells): a cell is written if it is still as the writer last saw it;
  otherwise it is a conflict, reported with both values, and the rest of the batch is written.
  Every write adds 1 to the assessment's `rev` and stamps the cells it wrote with it, so a reader
  can fetch exactly what changed since the rev it knows. Deleting and restoring bump `rev` too.
  Each written cell is appended to assessment_edits (when, which tab; later who).
- A client (business) is identified by its normalised name (`client_key`: accents, case,
  punctuation and extra spaces ignored), because the assessment document carries no client id.
  Every save re-derives the client from the company name: renaming moves the assessment to the
  renamed client, and a client left with no assessments at all is removed. Assessments without a
  name yet belong to no client (`list_unnamed`).
- Deletes are soft (deleted_at). Deleting a client stamps it and its live assessments with one
  timestamp; restoring the client brings back exactly those.
- Imports are validated completely (assessment.document.read_assessment: every field, unknown
  item ids even when other fields are wrong) before anything is written.
"""
from store.bin import delete_assessment, delete_client, list_deleted, restore_assessment, restore_client
from store.common import client_key
from store.db import database_url, default_sqlite_path, get_engine
from store.listing import client_history, get_client, list_clients, list_unnamed
from store.model_versions import adopt_model, prefill_from
from store.reads import edits, load_assessment, load_cells, stored_rev
from store.rows import (
    AssessmentDeleted,
    AssessmentRow,
    CellConflict,
    ClientPage,
    ClientRow,
    ImportResult,
    ModelChanges,
    NotFound,
    StoredCells,
    WriteResult,
)
from store.writes import import_document, save_assessment, write_cells

__all__ = [
    "AssessmentDeleted", "AssessmentRow", "CellConflict", "ClientPage", "ClientRow", "ImportResult", "ModelChanges",
    "NotFound", "StoredCells", "WriteResult", "adopt_model", "client_history", "client_key", "database_url",
    "default_sqlite_path", "delete_assessment", "delete_client", "edits", "get_client", "get_engine",
    "import_document", "list_clients", "list_deleted", "list_unnamed", "load_assessment", "load_cells",
    "prefill_from", "restore_assessment", "restore_client", "save_assessment", "stored_rev",
    "write_cells",
]
