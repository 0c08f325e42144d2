"""What someone typed, made safe to hand to any search backend.

The query always reaches the backend as modelsearch's PlainText, never as query syntax, and is
cleaned first of what the backends cannot take:
- control, format and surrogate characters: a NUL byte ends an SQLite FTS5 string early
  ("unterminated string") and PostgreSQL refuses it in any string; bidi overrides and
  zero-width characters would also garble the query we show back;
- the double quote: modelsearch's SQLite backend wraps each term in double quotes without
  doubling quotes inside it, so `"meldcode` became FTS5 syntax. A quote means nothing in a
  plain-text search, so it becomes a space. (Its PostgreSQL backend quotes and escapes each
  term itself.)
"""

import unicodedata

QUERY_MAX_LENGTH = 200
# Cc control (NUL, escape, ...), Cf format (bidi overrides, zero-width), Cs lone surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_SYNTAX_CHARACTERS = frozenset('"')


def clean_query(raw: str) -> str:
    """`raw` as plain words: unsafe characters become spaces, whitespace collapses, max 200."""
    characters = (
        " "
        if character in _SYNTAX_CHARACTERS or unicodedata.category(character) in _UNSAFE_CATEGORIES
        else character
        for character in raw[: QUERY_MAX_LENGTH * 4]
    )
    return " ".join("".join(characters).split())[:QUERY_MAX_LENGTH].strip()
