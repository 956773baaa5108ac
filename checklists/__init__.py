"""The audit content as data: `default_model()` returns the validated AuditModel."""
from checklists.loader import ContentError, default_model, load_model
from checklists.model import AuditModel, Item, Pillar

__all__ = ["AuditModel", "ContentError", "Item", "Pillar", "default_model", "load_model"]
