"""Dutch compounds split into their parts, so a search for a part finds the whole.

Dutch glues words together: "kindermishandeling", "ouderenmishandeling", "partnergeweld". A
full-text engine (SQLite FTS5, PostgreSQL, Meilisearch) matches whole words, so a search for
"mishandeling" or "geweld" would miss them. At index time every long word that is not itself
a common word is split into known words, and the parts go into an extra searchable field.

Known words: Dutch words that wordfreq (a maintained list of word frequencies) counts as
common enough, plus the site's own vocabulary below: words of this field that a general
list does not know well. Between two parts Dutch may put a linking "s", "e" or "en"
("aandacht-s-functionaris"); the splitter allows for it.
"""

import re
from functools import lru_cache

import wordfreq

# A word at least this common (Zipf scale: 3 = once per million words) counts as a part.
PART_MIN_ZIPF = 3.0
# A word this common is a word of its own and is not split ("mishandeling", "leerkracht").
WHOLE_WORD_MIN_ZIPF = 4.0
PART_MIN_LENGTH = 3
WORD_MIN_LENGTH = 7
WORD_MAX_LENGTH = 40
LINKING_MORPHEMES = ("", "s", "e", "en")

# The field's own words, known as parts even where wordfreq finds them rare.
SITE_VOCABULARY = frozenset(
    {
        "meldcode",
        "meld",
        "ervaringsdeskundige",
        "ervaringsdeskundigheid",
        "deskundige",
        "loverboy",
        "sexting",
        "multifocus",
        "stalking",
        "huiselijk",
        "veilig",
        "thuis",
        "wijkteam",
        "jeugdzorg",
        "afwegingskader",
        "functionaris",
        "signaal",
        "signalen",
    }
)

# Dutch suffixes that wordfreq also counts as words ("lijk" is a corpse): never a part, so
# "huiselijk" does not split into "huis" and "lijk".
SUFFIXES_NOT_PARTS = frozenset({"lijk", "lijke", "heid", "heden", "isch", "ische", "achtig"})

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Dutch words common enough to be a part (loaded once: about 40,000 words)."""
    minimum = 10 ** (PART_MIN_ZIPF - 9)  # Zipf = log10(frequency per billion words)
    frequencies = wordfreq.get_frequency_dict("nl")
    common = (
        word
        for word, frequency in frequencies.items()
        if frequency >= minimum and len(word) >= PART_MIN_LENGTH and word.isalpha()
    )
    return (frozenset(common) | SITE_VOCABULARY) - SUFFIXES_NOT_PARTS


def _is_part(word: str) -> bool:
    return len(word) >= PART_MIN_LENGTH and word in _known_words()


@lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The known words `word` is made of (at least two), or () when it is not a compound we
    recognise or is common enough to be a word of its own.

    Of all ways to split, the one with the fewest parts wins, then the one with the fewest
    linking letters ("ouderen|mishandeling" over "ouder-en|mishandeling").
    """
    word = word.lower()
    if not WORD_MIN_LENGTH <= len(word) <= WORD_MAX_LENGTH:
        return ()
    if wordfreq.zipf_frequency(word, "nl") >= WHOLE_WORD_MIN_ZIPF:
        return ()
    return _best_split(word)


def _best_split(word: str) -> tuple[str, ...]:
    # best[i]: (parts, linking letters, the parts) for word[i:], or None when it cannot split.
    length = len(word)
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (length + 1)
    best[length] = (0, 0, ())
    for start in range(length - PART_MIN_LENGTH, -1, -1):
        for end in range(start + PART_MIN_LENGTH, length + 1):
            part = word[start:end]
            if (start, end) == (0, length) or not _is_part(part):
                continue
            for linker in LINKING_MORPHEMES:
                rest_start = end + len(linker)
                if word[end:rest_start] != linker or rest_start > length:
                    continue
                if linker and rest_start == length:
                    continue  # a linking letter joins two parts, it never ends the word
                rest = best[rest_start]
                if rest is None:
                    continue
                candidate = (rest[0] + 1, rest[1] + len(linker), (part, *rest[2]))
                if best[start] is None or candidate[:2] < best[start][:2]:
                    best[start] = candidate
    found = best[0]
    return found[2] if found else ()


def compound_parts(text: str, language: str = "nl") -> list[str]:
    """The parts of every Dutch compound in `text`, each once, in the order first met."""
    if not language.startswith("nl"):
        return []
    parts: dict[str, None] = {}
    for word in dict.fromkeys(match.lower() for match in _WORD.findall(text)):
        for part in split_compound(word):
            parts.setdefault(part)
    return list(parts)


def compound_parts_text(text: str, language: str = "nl") -> str:
    """`compound_parts` as one line of text, for a searchable field."""
    return " ".join(compound_parts(text, language))
