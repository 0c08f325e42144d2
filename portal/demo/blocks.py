"""Small helpers that build StreamField data (BodyBlock) for the demo pages.

A call to action may point at another demo page by its key ("page": "veilig-thuis"); the
loader swaps the key for the page id in the right language.
"""

from typing import Any

Block = dict[str, Any]


def text(html: str) -> Block:
    return {"type": "text", "value": html.strip()}


def faq(title: str, items: list[tuple[str, str]]) -> Block:
    return {
        "type": "accordion",
        "value": {
            "title": title,
            "items": [{"question": q, "answer": a.strip()} for q, a in items],
        },
    }


def quote(words: str, by: str = "") -> Block:
    return {"type": "quote", "value": {"quote": words, "attribution": by}}


def cta(title: str, body: str, label: str, *, page: str = "", url: str = "") -> Block:
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": body, "label": label, "page": page, "url": url},
    }
