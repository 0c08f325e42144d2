"""Translation keys of the seeded taxonomy terms (see portal/migrations/0003_seed_taxonomy.py).

The formula is copied from that migration (migrations must not be imported by app code);
tests/portal/test_taxonomy.py proves the two agree.
"""

import uuid

TAXONOMY_NAMESPACE = uuid.UUID("6f1c5a52-3c1e-5d0c-9f43-7e2b7a1d5e10")


def term_key(kind: str, dutch_slug: str) -> uuid.UUID:
    """The translation_key of a seeded term; kind is "theme", "audience" or "municipality"."""
    return uuid.uuid5(TAXONOMY_NAMESPACE, f"{kind}/{dutch_slug}")
