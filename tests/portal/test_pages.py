"""Rendering the base layer's pages: the home page's query budget, audience and standard pages."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from portal.models import Audience, AudiencePage, StandardPage, Theme

HOME_QUERY_BUDGET = 10


@pytest.fixture
def demo_site(db):
    # The real demo content: four audience entrances, featured pages and footer links.
    call_command("load_demo_content", "--force", stdout=StringIO())


@pytest.mark.parametrize(
    ("path", "entrance", "featured", "footer"),
    [
        ("/nl/", "Vrijwilligers en sportclubs", "De meldcode in vijf stappen", "Veilig browsen"),
        (
            "/en/",
            "Volunteers and sports clubs",
            "The reporting code in five steps",
            "Browse safely",
        ),
    ],
)
def test_home_page_renders_within_its_query_budget(
    client, demo_site, django_assert_max_num_queries, path, entrance, featured, footer
):
    client.get(path)  # a running site has its menus and home sections cached already

    with django_assert_max_num_queries(HOME_QUERY_BUDGET):
        response = client.get(path)

    assert response.status_code == 200
    assert response.text.count("steiger-card__link") >= 4 + 4  # entrances + featured
    for text in (entrance, featured, footer):
        assert text in response.text


def test_home_page_with_an_empty_cache_stays_bounded(
    client, demo_site, django_assert_max_num_queries
):
    # Right after a publish (which empties the menu cache) the home page builds it again: the
    # menus, the home sections and the footer's Centre details and links (two queries).
    with django_assert_max_num_queries(18):
        response = client.get("/nl/")
    assert "Inwoners" in response.text


def test_home_page_drops_a_featured_page_once_it_is_unpublished(client, demo_site):
    page = StandardPage.objects.get(locale__language_code="nl", slug="de-meldcode-in-vijf-stappen")
    assert page.title in client.get("/nl/").text

    page.unpublish()

    assert page.title not in client.get("/nl/").text


@pytest.fixture
def image(db):
    return Image.objects.create(title="Schoolplein", file=get_test_image_file("schoolplein.png"))


@pytest.fixture
def document(db):
    return Document.objects.create(
        title="Factsheet meldcode", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="meldcode.pdf")
    )


def test_standard_page_renders_every_block_type(
    client, home, image, document, django_assert_max_num_queries
):
    target = home.add_child(instance=StandardPage(title="Wat doet Veilig Thuis?", slug="vt"))
    page = home.add_child(
        instance=StandardPage(
            title="Praten over grenzen",
            slug="grenzen",
            intro="Zo begint u het gesprek.",
            body=[
                ("text", "<h2>Waarom al zo jong?</h2><p>Kinderen hebben woorden nodig.</p>"),
                (
                    "image",
                    {
                        "image": image,
                        "alt_text": "Kinderen spelen op het schoolplein",
                        "decorative": False,
                        "caption": "Groep 3 op het plein",
                    },
                ),
                (
                    "call_to_action",
                    {"title": "Twijfelt u?", "text": "", "page": target, "label": "Lees meer"},
                ),
                (
                    "accordion",
                    {
                        "title": "Veelgestelde vragen",
                        "items": [
                            {"question": "Kost het iets?", "answer": "<p>Nee, het is gratis.</p>"}
                        ],
                    },
                ),
                (
                    "quote",
                    {"quote": "Eén telefoontje kan genoeg zijn.", "attribution": "Het Centrum"},
                ),
                ("document", {"document": document, "title": "", "description": "Twee pagina's"}),
            ],
        )
    )

    client.get(page.url)  # menus cached, as on a running site
    with django_assert_max_num_queries(14):
        response = client.get(page.url)

    html = response.text
    assert response.status_code == 200
    assert "Waarom al zo jong?" in html
    assert 'alt="Kinderen spelen op het schoolplein"' in html
    assert "Groep 3 op het plein" in html
    assert f'href="{target.url}"' in html and "Lees meer" in html
    assert "<details" in html and "Kost het iets?" in html and "Nee, het is gratis." in html
    assert "Eén telefoontje kan genoeg zijn." in html and "Het Centrum" in html
    assert "Factsheet meldcode" in html and "PDF" in html


def test_decorative_image_has_empty_alt_text(client, home, image):
    page = home.add_child(
        instance=StandardPage(
            title="Versiering",
            slug="versiering",
            body=[
                (
                    "image",
                    {"image": image, "alt_text": "Streepjes", "decorative": True, "caption": ""},
                )
            ],
        )
    )
    html = client.get(page.url).text
    assert 'alt=""' in html
    assert "Streepjes" not in html


def test_audience_page_lists_only_what_is_tagged_for_it(
    client, home, django_assert_max_num_queries
):
    nl = Locale.objects.get(language_code="nl")
    schools = Audience.objects.get(locale=nl, slug="scholen")
    landing = home.add_child(
        instance=AudiencePage(title="Scholen", slug="scholen", audience=schools, intro="Voor u")
    )
    tagged = []
    for number in range(3):
        page = home.add_child(
            instance=StandardPage(title=f"Lesidee {number}", slug=f"les-{number}")
        )
        page.audiences.add(schools)
        page.themes.add(Theme.objects.get(locale=nl, slug="kindermishandeling"))
        page.save_revision().publish()
        tagged.append(page)
    draft = home.add_child(instance=StandardPage(title="Nog niet af", slug="concept", live=False))
    draft.audiences.add(schools)
    draft.save_revision()
    other = home.add_child(instance=StandardPage(title="Voor inwoners", slug="inwoners"))
    other.audiences.add(Audience.objects.get(locale=nl, slug="inwoners"))
    other.save_revision().publish()
    client.get(landing.url)

    with django_assert_max_num_queries(16):
        response = client.get(landing.url)

    assert response.status_code == 200
    for page in tagged:
        assert page.title in response.text
    assert "Nog niet af" not in response.text
    assert "Voor inwoners" not in response.text
