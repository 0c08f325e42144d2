"""A short piece of a result's own text around the words searched for, those words marked.

Built from the object's own searchable fields (intro, body), never from related objects, so a
page of ten results costs no query. The text is escaped before <mark> goes in.
"""

import re
from collections.abc import Iterable, Iterator

from django.db.models import Model
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from modelsearch import index

SNIPPET_WORDS = 32
_WORD = re.compile(r"\w+", re.UNICODE)


def searchable_texts(obj: Model) -> Iterator[str]:
    """The object's own searchable text but its title: the fields it declares, in order, each
    read only when asked for (a StreamField body costs more to read than all the rest)."""
    description = getattr(obj, "search_description", "") or ""
    if description:
        yield description
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            text = _plain(field.get_value(obj))
            if text:
                yield text


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(item) for item in value)
    return strip_tags(str(value))


def query_terms(query: str) -> list[str]:
    return [term.lower() for term in _WORD.findall(query) if len(term) > 1]


def snippet(text: str | Iterable[str], query: str, words: int = SNIPPET_WORDS) -> SafeString:
    """About `words` words of `text` around the first word that contains a searched term.

    A term inside a longer word counts ("mishandeling" in "kindermishandeling"): that is how
    the compound parts made it a hit. Without any, the start of the text. `text` may come in
    parts (`searchable_texts`): the parts after those the snippet needs are never read.
    """
    terms = query_terms(query)
    tokens: list[str] = []
    first: int | None = None
    for part in [text] if isinstance(text, str) else text:
        offset = len(tokens)
        tokens.extend(part.split())
        if first is None:
            first = next((i for i in range(offset, len(tokens)) if _holds(tokens[i], terms)), None)
        # Enough read: the window after the first term, and one word more for the " …".
        if first is not None and len(tokens) > max(0, first - words // 3) + words:
            break
    if not tokens:
        return mark_safe("")
    first = first or 0
    start = max(0, min(first - words // 3, len(tokens) - words))
    window = tokens[start : start + words]
    marked = [_marked(token, terms) for token in window]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    return mark_safe(prefix + " ".join(marked) + suffix)  # each word escaped in _marked


def _holds(token: str, terms: list[str]) -> bool:
    lowered = token.lower()
    return any(term in lowered for term in terms)


def _marked(token: str, terms: list[str]) -> str:
    if _holds(token, terms):
        return f"<mark>{escape(token)}</mark>"
    return escape(token)
