"""modelsearch's query objects as Meilisearch's query string and matching strategy.

Meilisearch takes one string: words (each may have typos; the last may be a prefix), "quoted
phrases", and -negated words. PlainText is plain words, so quotes and a leading "-" are taken
out of it: someone who types "-geweld" or an unbalanced quote gets words, not syntax.

PlainText "and" asks for every word (matchingStrategy "all"); "or" lets Meilisearch drop words
from the end of the query when too few documents have them all ("last"). Fuzzy is the same as
PlainText: Meilisearch is typo tolerant by default. Boolean combinations (And, Or, Not) have no
Meilisearch counterpart and are refused rather than answered wrongly. Words that are all syntax
("-", a lone quote) match nothing: Meilisearch would read an empty string as "everything".
"""

import re
from dataclasses import dataclass

from modelsearch.query import Boost, Fuzzy, MatchAll, Not, Phrase, PlainText, SearchQuery

_NEGATION = re.compile(r"(^|\s)-+")


@dataclass(frozen=True)
class CompiledQuery:
    q: str
    matching_strategy: str = "last"
    matches_nothing: bool = False


MATCH_NOTHING = CompiledQuery(q="", matches_nothing=True)


def plain_words(text: str) -> str:
    """`text` with Meilisearch's query syntax (phrase quotes, leading minus) taken out."""
    return " ".join(_NEGATION.sub(r"\1", text.replace('"', " ")).split())


def compile_query(query: SearchQuery) -> CompiledQuery:
    if isinstance(query, MatchAll):
        return CompiledQuery(q="")  # Meilisearch's placeholder search: every document
    if isinstance(query, (PlainText, Fuzzy)):
        words = plain_words(query.query_string)
        strategy = "all" if query.operator == "and" else "last"
        return CompiledQuery(q=words, matching_strategy=strategy) if words else MATCH_NOTHING
    if isinstance(query, Phrase):
        words = plain_words(query.query_string)
        return CompiledQuery(q=f'"{words}"', matching_strategy="all") if words else MATCH_NOTHING
    if isinstance(query, Boost):
        return compile_query(query.subquery)  # one query: nothing to weigh it against
    if isinstance(query, Not) and isinstance(query.subquery, MatchAll):
        return MATCH_NOTHING
    raise NotImplementedError(
        f"`{type(query).__name__}` is not supported by the Meilisearch search backend."
    )
