"""Did you mean: a query that finds nothing, corrected from the index's own words.

Meilisearch forgives typos itself; the database backends do not. When a search on them finds
nothing, each word the index does not know is replaced by the closest word it does know
(Damerau-Levenshtein distance: a swapped pair of letters is one typo, as in
"kindermishandleing"), preferring the more frequent word. The search page then shows the
results for the correction, with a link to search for exactly what was typed.

The vocabulary is every word in the search index (titles, text, compound parts), counted.
Building it reads the whole index (2.7 s at 10,000 articles), so no visitor waits for that
once it exists: it is kept in the cache with the index's fingerprint (entries and last id),
and when the index has changed since, the stored vocabulary still answers while a background
task builds the new one. Only the very first correction (or one after the cache was emptied)
builds it on the spot.
"""

import re
from collections import Counter

from django.core.cache import cache
from django.db.models import Count, Max
from django.tasks import task
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wagtail.search.models import IndexEntry

VOCABULARY_KEY = "search:vocabulary"
# The vocabulary is refreshed when the index changes; this only bounds what an idle site keeps.
VOCABULARY_SECONDS = 24 * 60 * 60
# One refresh at a time: later corrections within this window use the stored vocabulary.
REFRESHING_KEY = "search:vocabulary:refreshing"
REFRESHING_SECONDS = 5 * 60
MIN_WORD_LENGTH = 4
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _fingerprint() -> str:
    summary = IndexEntry.objects.aggregate(count=Count("id"), last=Max("id"))
    return f"{summary['count']}-{summary['last']}"


def _text_columns() -> tuple[str, str]:
    """PostgreSQL's index keeps search vectors in title/body and the words in *_text."""
    names = {field.name for field in IndexEntry._meta.get_fields()}
    return ("title_text", "body_text") if "body_text" in names else ("title", "body")


def _build_vocabulary() -> dict[str, int]:
    counts: Counter[str] = Counter()
    rows = IndexEntry.objects.values_list(*_text_columns()).iterator(chunk_size=500)
    for title, body in rows:
        counts.update(word.lower() for word in _WORD.findall(f"{title} {body}"))
    return {word: count for word, count in counts.items() if len(word) >= MIN_WORD_LENGTH - 1}


def vocabulary() -> dict[str, int]:
    """Word -> how often it occurs in the index: the stored vocabulary, refreshed in the
    background when the index has changed since it was built."""
    stored = cache.get(VOCABULARY_KEY)
    if stored is None:
        return _store_vocabulary()
    fingerprint, words = stored
    if fingerprint != _fingerprint() and cache.add(REFRESHING_KEY, True, REFRESHING_SECONDS):
        refresh_vocabulary.enqueue()
    return words


def _store_vocabulary() -> dict[str, int]:
    # The fingerprint first: an entry added while the words are read makes the next
    # correction refresh again rather than keep a vocabulary that misses it.
    fingerprint = _fingerprint()
    words = _build_vocabulary()
    cache.set(VOCABULARY_KEY, (fingerprint, words), VOCABULARY_SECONDS)
    return words


@task()
def refresh_vocabulary() -> int:
    """Build the vocabulary from the index as it is now and store it; the number of words."""
    try:
        return len(_store_vocabulary())
    finally:
        cache.delete(REFRESHING_KEY)


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance of `a` and `b` (a swapped pair of letters is one
    typo), or `limit + 1` once it exceeds it."""
    return OSA.distance(a, b, score_cutoff=limit)


def allowed_typos(word: str) -> int:
    """As Meilisearch does: none in short words, one from five letters, two from nine."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2


def closest_word(word: str, known: dict[str, int]) -> str | None:
    """The known word fewest typos away from `word` (within what its length allows), the
    more frequent one on a tie."""
    limit = allowed_typos(word)
    if limit == 0:
        return None
    near = process.extract(word, list(known), scorer=OSA.distance, score_cutoff=limit, limit=None)
    best = min(
        ((typos, -known[candidate], candidate) for candidate, typos, _ in near), default=None
    )
    return best[2] if best else None


def correct(query: str) -> str | None:
    """`query` with each unknown word replaced by the closest known one, or None when there
    is nothing to correct."""
    known = vocabulary()
    changed = False
    words = []
    for word in query.split():
        lowered = word.lower()
        replacement = None
        if _WORD.fullmatch(lowered) and lowered not in known:
            replacement = closest_word(lowered, known)
        if replacement:
            changed = True
            words.append(replacement)
        else:
            words.append(word)
    return " ".join(words) if changed else None
