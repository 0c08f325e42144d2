"""Meilisearch's highlighted and cropped text, made safe to show.

Meilisearch marks matches in the text it returns, but it does not escape that text. It marks
them here with two private-use characters that no text of ours contains; the text is escaped
first and only then do the marks become <mark> elements, so a "<script>" in a page's body is
shown as text.
"""

import re
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PRE_TAG = "\ue000"
POST_TAG = "\ue001"
_MARKS = re.compile(f"([{PRE_TAG}{POST_TAG}])")
_TAGS = {PRE_TAG: "<mark>", POST_TAG: "</mark>"}
CROP_MARKER = "…"
# Words around a match in a cropped snippet.
CROP_LENGTH = 30


def safe_highlight(text: str) -> SafeString:
    """`text` escaped, with Meilisearch's marks as <mark> elements."""
    pieces = _MARKS.split(text)
    html = "".join(_TAGS.get(piece) or escape(piece) for piece in pieces)
    return mark_safe(html)  # every piece escaped but our own <mark> and </mark>


def highlights(formatted: dict[str, Any], attributes: tuple[str, ...]) -> dict[str, SafeString]:
    """The highlighted text of each attribute in a hit's `_formatted` that has any text; of a
    list (a StreamField's blocks) the first item with a match, or else the first item."""
    found: dict[str, SafeString] = {}
    for name in attributes:
        value = formatted.get(name)
        if isinstance(value, list):
            texts = [item for item in value if isinstance(item, str) and item]
            value = next((item for item in texts if PRE_TAG in item), texts[0] if texts else None)
        if isinstance(value, str) and value:
            found[name] = safe_highlight(value)
    return found


def best_snippet(found: dict[str, SafeString], attributes: tuple[str, ...]) -> SafeString | None:
    """The first of `attributes` whose text has a match, or else the first with any text."""
    for name in attributes:
        if "<mark>" in found.get(name, ""):
            return found[name]
    return next((found[name] for name in attributes if name in found), None)
