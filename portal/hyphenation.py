"""Soft hyphens in long words of titles, so a narrow card breaks "Ouderen-mishandeling" where
Dutch allows it instead of "Ouderenmishandeli ng" wherever the box ends.

CSS `hyphens: auto` needs a hyphenation dictionary in the browser, which Debian's chromium and
many phones do not have; soft hyphens (U+00AD) work everywhere and stay invisible unless the
line breaks there. The dictionaries come from pyphen (LibreOffice's patterns).
"""

import re
from functools import lru_cache

import pyphen
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

SOFT_HYPHEN = "\u00ad"
# Words shorter than this fit any box we have; leaving them whole keeps titles searchable and
# copyable as they are.
MIN_WORD_LENGTH = 12
_DICTIONARIES = {"nl": "nl_NL", "en": "en_GB"}
_WORD = re.compile(r"[^\W\d_]{" + str(MIN_WORD_LENGTH) + ",}")


@lru_cache(maxsize=4)
def _dictionary(language_code: str) -> pyphen.Pyphen | None:
    name = _DICTIONARIES.get((language_code or "").split("-")[0].lower())
    # Three letters at least on either side of a break: no "Ou-" or "-ng" on a line.
    return pyphen.Pyphen(lang=name, left=3, right=3) if name else None


def hyphenate(text: str, language_code: str) -> str:
    """`text` with soft hyphens where the language allows a break in its long words."""
    dictionary = _dictionary(language_code)
    if dictionary is None or not text:
        return text
    return _WORD.sub(lambda word: dictionary.inserted(word.group(0), hyphen=SOFT_HYPHEN), text)


def hyphenate_html(value, language_code: str) -> SafeString:
    """Escaped `value` with soft hyphens; for plain text such as a page title."""
    return mark_safe(hyphenate(str(conditional_escape(value)), language_code))
