"""`manage.py create_random_content N`: live, tagged, routable articles under the knowledge
index, found by the search page afterwards, the same for the same seed."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page

from knowledge.models import ArticlePage
from search.management.commands.create_random_content import discover, split
from search.models import IndexUpdate

pytestmark = pytest.mark.django_db

COUNT = 25


def create(count: int = COUNT, *args: str) -> str:
    out = StringIO()
    call_command("create_random_content", str(count), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def made_under(index) -> list[ArticlePage]:
    return list(ArticlePage.objects.child_of(index).order_by("path"))


def test_makes_n_live_tagged_articles_that_route(client, index):
    output = create()

    articles = made_under(index)
    assert len(articles) == COUNT
    assert f"knowledge: made {COUNT}" in output
    assert "search index rebuilt" in output
    for article in articles:
        assert article.live and article.locale_id == index.locale_id
        assert article.body and article.intro and article.first_published_at
        themes, audiences = list(article.themes.all()), list(article.audiences.all())
        assert themes and audiences
        for term in [*themes, *audiences, *article.municipalities.all()]:
            assert term.locale_id == index.locale_id
        assert client.get(article.url).status_code == 200


def test_the_tree_stays_sound_and_the_index_lists_them(client, index):
    create()

    # treebeard's own check: paths, depths and numchild as add_child would have left them.
    assert all(not problems for problems in Page.find_problems())
    index.refresh_from_db()
    assert index.numchild == COUNT
    listing = client.get(index.url).context["listing"]
    assert listing.articles.paginator.count == COUNT


def test_slugs_stay_unique_next_to_existing_articles(index):
    create(10, "--seed", "3")
    create(10, "--seed", "3")  # the same titles again

    slugs = [article.slug for article in made_under(index)]
    assert len(slugs) == len(set(slugs)) == 20


def test_the_search_page_finds_them(client, index):
    create()
    article = made_under(index)[7]

    response = client.get(reverse("search"), {"q": article.title})

    assert response.status_code == 200
    assert article.title in [result.title for result in response.context["results"]]


def test_no_index_update_is_queued_per_article(index):
    before = IndexUpdate.objects.count()
    create()
    assert IndexUpdate.objects.count() == before


def test_the_same_seed_gives_the_same_titles(index):
    create(10, "--seed", "42")
    create(10, "--seed", "42")
    create(10, "--seed", "43")

    titles = [article.title for article in made_under(index)]
    assert titles[:10] == titles[10:20]
    assert titles[20:] != titles[:10]


def test_without_a_knowledge_index_it_says_so_and_makes_nothing(home):
    with pytest.raises(CommandError, match="knowledge index"):
        create()
    assert not ArticlePage.objects.exists()


def test_the_door_finds_knowledge_and_splits_the_count():
    assert "knowledge" in discover()
    assert split(10, ["a", "b", "c"]) == {"a": 4, "b": 3, "c": 3}
    assert split(0, ["a"]) == {"a": 0}
