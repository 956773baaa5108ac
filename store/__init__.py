"""Persistence: assessments, clients and history in SQLite (default) or PostgreSQL.

Nothing here imports streamlit. The Streamlit side is ui/persistence.py; docs/store.md explains
where the data lives, the CXAUDIT_DATABASE_URL setting, migrations, cells and conflicts.
"""
from store.db import database_url, default_sqlite_path, get_engine
from store.repository import (
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
    adopt_model,
    client_history,
    client_key,
    delete_assessment,
    delete_client,
    edits,
    get_client,
    import_document,
    list_clients,
    list_deleted,
    list_unnamed,
    load_assessment,
    load_cells,
    prefill_from,
    restore_assessment,
    restore_client,
    save_assessment,
    stored_rev,
    write_cells,
)

__all__ = [
    "AssessmentDeleted", "AssessmentRow", "CellConflict", "ClientPage", "ClientRow", "ImportResult", "ModelChanges",
    "NotFound", "StoredCells", "WriteResult", "adopt_model", "client_history", "client_key", "database_url",
    "default_sqlite_path", "delete_assessment", "delete_client", "edits", "get_client", "get_engine",
    "import_document", "list_clients", "list_deleted", "list_unnamed", "load_assessment", "load_cells",
    "prefill_from", "restore_assessment", "restore_client", "save_assessment", "stored_rev", "write_cells",
]
