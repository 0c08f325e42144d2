"""The attribute names of the one Meilisearch index, named in one place.

Every indexed model shares one index per site, so these names are a contract between the
document mapping (documents.py), the index settings (index_settings.py), the filters
(filters.py) and the search page. A model's own fields keep their names (FilterField columns
their attname, SearchField text its field name); the names below are the ones we add.
"""

# Meilisearch's primary key. Not "id": Wagtail's Page declares FilterField("id"), which must stay
# a filter on the page's own id.
DOC_ID = "doc_id"
# The object's primary key as stored in the database, to load the hits.
PK = "pk"
# "app_label.model" of the object's model and of every indexed model it inherits from, so a
# search on Page also finds an ArticlePage (as Wagtail's Elasticsearch backends do).
CONTENT_TYPE = "content_type"
# "app_label.model" of the object's own model only: the "type" facet.
SPECIFIC_TYPE = "specific_type"
# The object's language code ("nl", "en"), when it has a locale.
LOCALE = "locale"
# A timestamp to sort on: the model's `search_date` attribute or its first publication.
DATE = "date"
# The parts of the Dutch compounds in the object's text (search/compounds.py).
COMPOUND_PARTS = "compound_parts"
# Taxonomy and course facets: lists of strings (slugs or fixed values).
THEME = "theme"
AUDIENCE = "audience"
MUNICIPALITY = "municipality"
COURSE_FORMAT = "course_format"
COST = "cost"

FACETS = (THEME, AUDIENCE, MUNICIPALITY, COURSE_FORMAT, COST)
# The facets a content model gets without declaring `search_facets`, when it has the fields
# (portal's TaggableMixin gives every tagged page these three).
DEFAULT_FACETS = {THEME: "themes", AUDIENCE: "audiences", MUNICIPALITY: "municipalities"}
# Everything we add to a document; a model's own columns must not use these names.
GENERATED = (DOC_ID, PK, CONTENT_TYPE, SPECIFIC_TYPE, LOCALE, DATE, COMPOUND_PARTS, *FACETS)

# Searchable text in order of weight: an earlier attribute's match ranks higher. The fields of
# models that are not listed follow these, heaviest boost first; compound parts come last,
# because a word found only inside a compound is a weaker match than the word itself.
SEARCHABLE_HEAD = ("title", "search_description", "intro", "body")

# Treebeard's materialised paths (Page.path) get their ancestors' paths alongside, so that
# "descendant of" (path__startswith) is an equality filter, which Meilisearch has without any
# experimental feature.
PATH_PREFIXES_SUFFIX = "_prefixes"
