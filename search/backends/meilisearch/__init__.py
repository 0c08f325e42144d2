"""The Meilisearch search backend: `"BACKEND": "search.backends.meilisearch"` (backend.py)."""

from .backend import MeilisearchSearchBackend, SearchBackend

__all__ = ["MeilisearchSearchBackend", "SearchBackend"]
