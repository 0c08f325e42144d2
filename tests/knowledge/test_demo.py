"""The knowledge base in the demo site (knowledge/demo.py): the index under the home page in
both languages, in the main menu, so a visitor (and the site walk) finds it."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("home", "path", "title"),
    [("/nl/", "/nl/kennisbank/", "Kennisbank"), ("/en/", "/en/knowledge-base/", "Knowledge base")],
)
def test_the_demo_knowledge_base_is_in_the_menu_and_lists_articles(
    demo_site, client, home, path, title
):
    assert f'href="{path}"' in client.get(home).text

    response = client.get(path)

    assert response.status_code == 200
    assert f">{title}</h1>" in response.text.replace("\u00ad", "")
    listing = response.context["listing"]
    assert listing.articles.paginator.count >= 2
    first = listing.articles[0]
    assert client.get(first.url).status_code == 200
