"""The search vocabulary of the site: synonyms and stop words. Edit them here, and only here.

Editors: ask a developer to add a line; developers: add it here and run
`manage.py rebuild_search_index` after deploying (Meilisearch reads these with the index
settings, search/backends/meilisearch/index_settings.py). Write words in lower case.

- SYNONYM_GROUPS: words that mean the same to a searcher; a search for any one of a group also
  finds the others ("hg" finds "huiselijk geweld" and the other way round).
- ONE_WAY_SYNONYMS: a search for the key also finds the listed words, not the other way round
  (someone who types "meldplicht" means the meldcode; the Netherlands has no meldplicht, and a
  search for "meldcode" should not bring up texts about a duty that does not exist).
- STOP_WORDS: words too common to say anything about a text; a search ignores them.
"""

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("hg", "huiselijk geweld"),
    ("km", "kindermishandeling"),
    ("vt", "veilig thuis"),
    ("ervaringsdeskundige", "ervaringsdeskundigheid", "ervaringsdeskundigen"),
    ("partnergeweld", "relatiegeweld"),
    # Searchers write in both languages; most content is Dutch.
    ("huiselijk geweld", "domestic violence"),
    ("kindermishandeling", "child abuse"),
    ("ouderenmishandeling", "elder abuse"),
)

ONE_WAY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "meldplicht": ("meldcode",),
    "hgkm": ("huiselijk geweld", "kindermishandeling"),
    # Former names of Veilig Thuis, still in use.
    "amhk": ("veilig thuis",),
    "shg": ("veilig thuis",),
}

# Dutch: the Snowball list, without words that carry meaning on this site or in English ("men":
# "violence against men"; "wezen": orphans).
STOP_WORDS_NL: tuple[str, ...] = (
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge",
    "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij",
    "hoe", "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar",
    "me", "meer", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog",
    "nu", "of", "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen",
    "toch", "toen", "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was",
    "wat", "werd", "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij",
    "zijn", "zo", "zonder", "zou",
)  # fmt: skip

# English: the Snowball list, short forms included.
STOP_WORDS_EN: tuple[str, ...] = (
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
    "yourselves",
)  # fmt: skip

STOP_WORDS: tuple[str, ...] = tuple(dict.fromkeys(STOP_WORDS_NL + STOP_WORDS_EN))
