"""Phone numbers in text become tel: links, so a person on a phone can call with one tap.

Editors write numbers as people do ("Bel 112", "0800-2000", "013 123 45 67"); the site links
them when it renders the text. Recognised: the emergency number 112 on its own, Dutch service
numbers (0800/0900/0906/0909 with 4 or 7 digits) and Dutch 10-digit numbers (also written
+31 or 0031). Anything else with digits (dates, postcodes, amounts) stays text: a wrong tap
on a number that is not a phone number must not dial, least of all 112.

The links carry no class: the stylesheet keeps every `a[href^="tel:"]` on one line.
"""

import re
from html import unescape

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

# Separators people put inside a number: space, no-break space, hyphen, dot.
_SEP = r"[ \u00a0.\-]?"
# Not glued to other digits, letters or number punctuation on either side ("2112", "112a",
# "1.112", "06-112"); a full stop or comma that ends a sentence is fine.
_BEFORE = r"(?<![\w+\-./,€$£])"
_AFTER = r"(?![\w\-/%]|[.,]\d)"

_NUMBER = re.compile(
    _BEFORE
    + r"(?:"
    + r"(?P<emergency>112)"
    + r"|(?P<service>0[89]0[069]"
    + _SEP
    + r"\d{2}"
    + _SEP
    + r"\d{2}(?:"
    + _SEP
    + r"\d{3})?)"
    + r"|(?P<national>(?:\+31"
    + _SEP
    + r"(?:\(0\)"
    + _SEP
    + r")?|0031"
    + _SEP
    + r"|0)"
    + r"[1-9](?:"
    + _SEP
    + r"\d){8})"
    + r"|(?P<area>\(0\d{2,3}\)"
    + _SEP
    + r"\d(?:"
    + _SEP
    + r"\d){5,6})"
    + r")"
    + _AFTER
)
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")


def tel_href(number: str) -> str | None:
    """The tel: address for a number as written, or None when it is not one we recognise."""
    match = _NUMBER.fullmatch(number.strip())
    return _href(match) if match else None


def _href(match: re.Match) -> str | None:
    text = match.group(0)
    if match.group("emergency"):
        return "tel:112"
    if text.startswith("+31") or text.startswith("0031"):
        rest = re.sub(r"\D", "", text.replace("(0)", ""))[2 if text[0] == "+" else 4 :]
        return f"tel:+31{rest}" if len(rest) == 9 else None
    digits = re.sub(r"\D", "", text)
    if match.group("service"):
        return f"tel:{digits}" if digits.startswith(_SERVICE_PREFIXES) else None
    # Dutch national numbers have ten digits, the area code included.
    return f"tel:{digits}" if len(digits) == 10 else None


def _link_text(text: str) -> str:
    """Escaped `text` with each recognised number wrapped in a tel: link."""
    out = []
    position = 0
    for match in _NUMBER.finditer(text):
        href = _href(match)
        if href is None:
            continue
        out.append(escape(text[position : match.start()]))
        out.append(f'<a href="{href}">{escape(match.group(0))}</a>')
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


# Markup that is not text a person reads as a sentence: tags, comments, and the contents of
# elements where a link is wrong or impossible.
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_NO_LINKS_INSIDE = {"a", "button", "script", "style", "textarea", "title", "select", "option"}
# Every number we link has digits: text without one is returned as it is, found by the regex
# engine rather than a Python loop over each character (an article renders a dozen texts).
_DIGIT = re.compile(r"\d")


def link_phone_numbers(value) -> SafeString:
    """`value` (HTML, or plain text that is escaped first) with phone numbers linked.

    Text inside existing links, buttons, scripts and the like is left alone, as are
    attributes. Character references are decoded for matching and escaped again on output.
    """
    html = str(conditional_escape(value))
    if not _DIGIT.search(html):
        return mark_safe(html)  # nothing to link: most paragraphs hold no digit at all
    out = []
    skip_depth: dict[str, int] = {}
    position = 0
    for tag in _TAG.finditer(html):
        out.append(_text_chunk(html[position : tag.start()], skip_depth))
        out.append(tag.group(0))
        _track(tag.group(0), skip_depth)
        position = tag.end()
    out.append(_text_chunk(html[position:], skip_depth))
    return mark_safe("".join(out))


def _text_chunk(chunk: str, skip_depth: dict[str, int]) -> str:
    if not chunk or any(skip_depth.values()) or not _DIGIT.search(chunk):
        return chunk
    if not _NUMBER.search(unescape(chunk)):
        return chunk
    return _link_text(unescape(chunk))


_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")


def _track(tag: str, skip_depth: dict[str, int]) -> None:
    match = _TAG_NAME.match(tag)
    if not match or tag.endswith("/>"):
        return
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name not in _NO_LINKS_INSIDE:
        return
    skip_depth[name] = max(0, skip_depth.get(name, 0) + (-1 if closing else 1))
