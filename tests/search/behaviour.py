"""What every search backend must do for this site: one suite, run against each backend.

As django-modelsearch's own tests do, the suite is a mixin; a test module subclasses it and
names the backend (`backend_name`, an alias in WAGTAILSEARCH_BACKENDS). The database backend
always runs (tests/search/test_backend_database.py); Meilisearch runs whenever MEILISEARCH_URL
points at a server (tests/search/test_backend_meilisearch.py).
"""

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText
from wagtail.models import Locale, Page

from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage
from tests.search.conftest import index_objects


class SearchBackendBehaviour:
    backend_name = "default"

    @pytest.fixture
    def backend(self, db):
        return get_search_backend(self.backend_name)

    @pytest.fixture
    def indexed(self, articles, backend):
        if self.backend_name != "default":
            index_objects(*articles.values(), backend_name=self.backend_name)
        return articles

    def titles(self, backend, query, queryset=None, **kwargs) -> list[str]:
        queryset = queryset if queryset is not None else Page.objects.live()
        found = backend.search(PlainText(query, operator="and"), queryset, **kwargs)
        return [page.title for page in found]

    def test_a_word_of_the_title_finds_the_page(self, backend, indexed):
        assert self.titles(backend, "sportclub") == ["Een veilige sportclub"]

    def test_a_word_of_the_text_finds_the_page(self, backend, indexed):
        assert self.titles(backend, "mantelzorger") == ["Ouderenmishandeling herkennen"]

    def test_a_part_of_a_compound_finds_the_whole(self, backend, indexed):
        found = self.titles(backend, "mishandeling")
        assert "Signalen van kindermishandeling" in found
        assert "Ouderenmishandeling herkennen" in found
        assert "Een veilige sportclub" not in found

    def test_geweld_finds_partnergeweld_and_huiselijk_geweld(self, backend, indexed):
        found = self.titles(backend, "geweld")
        assert "Partnergeweld: wat kunt u doen?" in found
        assert "Wat is huiselijk geweld?" in found
        assert "Een veilige sportclub" not in found

    def test_every_word_must_match(self, backend, indexed):
        assert self.titles(backend, "partnergeweld samenleving") == [
            "Partnergeweld: wat kunt u doen?"
        ]
        assert self.titles(backend, "partnergeweld mantelzorger") == []

    def test_a_title_match_ranks_above_a_mention_in_the_text(self, backend, indexed):
        found = self.titles(backend, "kindermishandeling")
        assert found[0] == "Signalen van kindermishandeling"

    def test_a_search_on_pages_returns_their_own_types(self, backend, indexed):
        found = list(backend.search(PlainText("sportclub"), Page.objects.live()))
        assert [type(page.specific) for page in found] == [ArticlePage]

    def test_filters_on_the_queryset_hold(self, backend, indexed):
        english = Locale.objects.get(language_code="en")
        assert self.titles(backend, "sportclub", Page.objects.live().filter(locale=english)) == []

    def test_a_removed_page_is_no_longer_found(self, backend, indexed):
        backend.delete(indexed["sport"])
        backend.refresh_indexes()
        assert self.titles(backend, "sportclub") == []

    def test_a_changed_page_is_found_by_its_new_words(self, backend, indexed):
        article = indexed["sport"]
        article.intro = "Over grensoverschrijdend gedrag in de kleedkamer."
        article.save()
        index_objects(article, backend_name=self.backend_name)
        assert self.titles(backend, "kleedkamer") == ["Een veilige sportclub"]
        assert self.titles(backend, "jeugdlid") == []

    def test_autocomplete_completes_a_title(self, backend, indexed):
        found = backend.autocomplete("ouderenmis", Page.objects.live())
        assert [page.title for page in found] == ["Ouderenmishandeling herkennen"]

    def test_nothing_typed_finds_nothing(self, backend, indexed):
        assert self.titles(backend, "zwembadrooster") == []

    def test_an_article_added_later_is_found(self, backend, indexed):
        added = ArticlePageFactory(
            parent=indexed["sport"].get_parent(), title="Loverboys", intro="Uitbuiting."
        )
        index_objects(added, backend_name=self.backend_name)
        assert self.titles(backend, "loverboys") == ["Loverboys"]
