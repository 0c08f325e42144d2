"""The downloads page: factsheets and brochures with their kind, language, themes, file type and
size; filters without JavaScript; documents in private collections kept from those who may not
open them; a bounded number of queries; and an editor adding a download in the admin."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from knowledge.factories import DownloadsPageFactory
from knowledge.models import Download, DownloadsPage
from portal import roles
from portal.accounts.factories import UserFactory
from portal.page_cache import CACHE_HEADER
from tests.knowledge.test_related_and_queries import count_queries
from tests.portal.test_taxonomy import _signed_in_with_mfa

pytestmark = pytest.mark.django_db

FACTSHEET = "Factsheet huiselijk geweld"
ARABIC = "العنف في المنزل؟ هنا تجد المساعدة"
PLAYBOOK = "Draaiboek crisisoverleg"


@pytest.fixture
def make_document():
    """Wagtail documents with a real file of `size` bytes, removed from storage afterwards."""
    made = []

    def make(title: str, *, size: int = 1000, name: str = "factsheet.pdf", collection=None):
        document = get_document_model()(
            title=title,
            collection=collection or Collection.get_first_root_node(),
            file_size=size,
        )
        document.file.save(name, ContentFile(b"%PDF-1.7\n" + b"0" * (size - 9)), save=False)
        document.save()
        made.append(document)
        return document

    yield make
    for document in made:
        document.file.delete(save=False)


@pytest.fixture
def private_collection():
    """A collection only signed-in visitors may open documents in."""
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def publish_rows(page: DownloadsPage, *rows: Download) -> DownloadsPage:
    page.downloads = list(rows)
    page.save_revision().publish()
    return DownloadsPage.objects.get(pk=page.pk)


def row(document, *, themes=(), kind="factsheet", language="nl", description="") -> Download:
    download = Download(document=document, kind=kind, language=language, description=description)
    download.themes = list(themes)
    return download


@pytest.fixture
def downloads(index, themes, make_document):
    """A Dutch downloads page: a Dutch factsheet (84 kB) and an Arabic leaflet."""
    page = DownloadsPageFactory(parent=index)
    return publish_rows(
        page,
        row(
            make_document(FACTSHEET, size=86016),
            themes=[themes["huiselijk-geweld"], themes["signalen-herkennen"]],
            description="Wat het is en waar u terechtkunt.",
        ),
        row(
            make_document(ARABIC, size=15744, name="folder-ar.pdf"),
            themes=[themes["kindermishandeling"]],
            kind="leaflet",
            language="ar",
        ),
    )


def titles(response) -> list[str]:
    return [item.title for item in response.context["listing"].items]


def link_to(response, title: str) -> str:
    """The <a> start tag whose text is `title`."""
    found = re.search(r"(<a [^>]*>)" + re.escape(title) + "</a>", response.text)
    assert found, title
    return found.group(1)


# --- What the list shows -----------------------------------------------------------------------


def test_each_download_shows_its_kind_language_file_type_and_size(client, downloads):
    response = client.get(downloads.url)

    assert response.status_code == 200
    assert titles(response) == [FACTSHEET, ARABIC]
    assert "Factsheet · Nederlands · PDF, 84,0\xa0KB" in response.text
    assert "Folder · Arabisch · PDF, 15,4\xa0KB" in response.text
    assert "Wat het is en waar u terechtkunt." in response.text
    assert "Huiselijk geweld, Signalen herkennen" in response.text


def test_a_title_in_another_language_than_the_page_carries_its_language(client, downloads):
    response = client.get(downloads.url)

    assert 'lang="ar" dir="rtl"' in link_to(response, ARABIC)
    assert "lang=" not in link_to(response, FACTSHEET)


def test_the_link_is_wagtails_serve_view_and_serves_the_file(client, downloads):
    factsheet = get_document_model().objects.get(title=FACTSHEET)
    response = client.get(downloads.url)

    assert f'href="{factsheet.url}"' in link_to(response, FACTSHEET)
    assert factsheet.url == reverse("wagtaildocs_serve", args=[factsheet.pk, "factsheet.pdf"])
    served = client.get(factsheet.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF")


def test_a_deleted_document_leaves_the_list(client, downloads):
    get_document_model().objects.get(title=ARABIC).delete()

    assert titles(client.get(downloads.url)) == [FACTSHEET]


# --- Filters -----------------------------------------------------------------------------------


def test_filter_by_theme_and_by_language(client, downloads):
    assert titles(client.get(downloads.url + "?thema=kindermishandeling")) == [ARABIC]
    assert titles(client.get(downloads.url + "?taal=nl")) == [FACTSHEET]
    assert titles(client.get(downloads.url + "?thema=huiselijk-geweld&taal=ar")) == []
    response = client.get(downloads.url + "?thema=huiselijk-geweld&taal=nl")
    assert titles(response) == [FACTSHEET]
    assert "Filter „Huiselijk geweld” weghalen" in response.text
    assert "Filter „Nederlands” weghalen" in response.text


def test_the_selects_offer_only_what_the_downloads_carry(client, downloads):
    listing = client.get(downloads.url).context["listing"]

    assert [theme.slug for theme in listing.themes] == [
        "huiselijk-geweld",
        "kindermishandeling",
        "signalen-herkennen",
    ]
    assert listing.languages == [("nl", "Nederlands"), ("ar", "Arabisch")]


@pytest.mark.parametrize(
    "query", ["?thema=bestaat-niet", "?taal=xx", "?taal=<script>", "?thema=meldcode&taal=nl"]
)
def test_an_unknown_filter_says_so_and_is_not_cached(client, downloads, query):
    response = client.get(downloads.url + query)

    assert response.status_code == 200
    assert titles(response) == []
    assert "Dit thema of deze taal kennen wij niet" in response.text
    assert client.get(downloads.url + query).get(CACHE_HEADER) != "hit"


def test_a_known_filter_is_cached(client, downloads):
    client.get(downloads.url + "?taal=ar")

    assert client.get(downloads.url + "?taal=ar")[CACHE_HEADER] == "hit"


# --- Documents in private collections ----------------------------------------------------------


@pytest.fixture
def with_private(downloads, make_document, private_collection):
    playbook = make_document(PLAYBOOK, name="draaiboek.pdf", collection=private_collection)
    rows = [*downloads.downloads.all(), row(playbook, kind="guide")]
    return publish_rows(downloads, *rows), playbook


def test_an_anonymous_visitor_neither_sees_nor_gets_a_private_document(client, with_private):
    page, playbook = with_private

    response = client.get(page.url)

    assert titles(response) == [FACTSHEET, ARABIC]
    assert PLAYBOOK not in response.text
    served = client.get(playbook.url)
    assert served.status_code == 302
    assert "/account/login/" in served["Location"]


def test_a_signed_in_visitor_sees_it_marked_and_gets_it(with_private):
    page, playbook = with_private
    client = Client()
    client.force_login(UserFactory())

    response = client.get(page.url)

    assert titles(response) == [FACTSHEET, ARABIC, PLAYBOOK]
    assert response.text.count("Alleen na inloggen") == 1
    assert client.get(playbook.url).status_code == 200


def test_a_group_restriction_shows_it_to_the_groups_members_only(with_private):
    page, playbook = with_private
    restriction = CollectionViewRestriction.objects.get()
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    trainers = Group.objects.get(name=roles.TRAINER)
    restriction.groups.set([trainers])
    member, other = UserFactory(), UserFactory()
    member.groups.add(trainers)

    for user, sees in ((member, True), (other, False)):
        client = Client()
        client.force_login(user)
        assert (PLAYBOOK in titles(client.get(page.url))) is sees
        assert (client.get(playbook.url).status_code == 200) is sees


def test_making_a_collection_private_empties_the_cached_list(
    client, downloads, make_document, private_collection
):
    # The page was cached while its document's collection was public.
    collection = Collection.get_first_root_node().add_child(name="Wordt intern")
    playbook = make_document(PLAYBOOK, name="draaiboek.pdf", collection=collection)
    page = publish_rows(downloads, *downloads.downloads.all(), row(playbook))
    client.get(page.url)
    assert PLAYBOOK in client.get(page.url).text

    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )

    assert PLAYBOOK not in client.get(page.url).text


# --- Queries ------------------------------------------------------------------------------------
# Pinned: a change that adds a query per download, theme or restriction fails here. Most are
# the base layer's (site, routing, language switcher, page restrictions); the
# page's own five: its language's themes, the collection restrictions and their groups, the
# rows with their documents and collections, and the rows' themes.
DOWNLOADS_QUERIES = 13
# Signed in: the session, the user, the user's groups (asked once, as a group restriction
# exists) and the user's permissions (twice, the base layer's).
SIGNED_IN_QUERIES = DOWNLOADS_QUERIES + 5


@pytest.mark.parametrize("query", ["", "?thema=huiselijk-geweld", "?taal=ar"])
def test_queries_do_not_grow_with_the_number_of_downloads_or_themes(
    client, downloads, themes, make_document, private_collection, query
):
    assert count_queries(client, downloads.url + query) == DOWNLOADS_QUERIES

    rows = list(downloads.downloads.all())
    for number in range(8):
        collection = private_collection if number % 3 == 0 else None
        document = make_document(f"Folder {number}", name=f"f{number}.pdf", collection=collection)
        rows.append(row(document, themes=list(themes.values())[: number + 1], language="tr"))
    group = CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    group.groups.set(Group.objects.all())
    page = publish_rows(downloads, *rows)

    assert count_queries(client, page.url + query) == DOWNLOADS_QUERIES


def test_signed_in_queries_do_not_grow_either(downloads, themes, make_document, private_collection):
    client = Client()
    client.force_login(UserFactory())
    group = CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    group.groups.set(Group.objects.all())
    assert count_queries(client, downloads.url) == SIGNED_IN_QUERIES

    rows = list(downloads.downloads.all())
    for number in range(8):
        document = make_document(
            f"Folder {number}", name=f"f{number}.pdf", collection=private_collection
        )
        rows.append(row(document, themes=list(themes.values())[: number + 1]))
    page = publish_rows(downloads, *rows)

    assert count_queries(client, page.url) == SIGNED_IN_QUERIES


# --- The admin ----------------------------------------------------------------------------------


def _editor_client():
    editor = UserFactory(email="fatima@example.org")
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client = Client()
    _signed_in_with_mfa(client, editor)
    return editor, client


def test_an_editor_adds_a_downloads_page_with_a_download(index, themes, make_document):
    factsheet = make_document(FACTSHEET)
    editor, client = _editor_client()
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "downloadspage", index.pk])

    form = client.get(add_url)
    assert form.status_code == 200
    # The row's theme choices are the page's language's only (no "Domestic violence").
    assert "Huiselijk geweld" in form.text
    assert "Domestic violence" not in form.text

    data = nested_form_data(
        {
            "title": "Downloads",
            "slug": "downloads",
            "intro": "",
            "downloads": inline_formset(
                [
                    {
                        "document": factsheet.pk,
                        "kind": "factsheet",
                        "language": "tr",
                        "description": "Voor professionals.",
                    }
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    # A multiple choice: the field's name once per value (nested_form_data would number them).
    data["downloads-0-themes"] = [themes["meldcode"].pk, themes["multifocus"].pk]
    response = client.post(add_url, data)

    assert response.status_code == 302, response.context["form"].errors
    page = DownloadsPage.objects.get(slug="downloads")
    assert page.owner == editor
    draft = page.get_latest_revision_as_object()
    [download] = draft.downloads.all()
    assert (download.document, download.kind, download.language) == (factsheet, "factsheet", "tr")
    assert [theme.slug for theme in download.themes.all()] == ["meldcode", "multifocus"]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert "Voor professionals." in edit.text


def test_a_draft_with_a_new_download_previews(downloads, make_document, themes):
    # A preview renders the rows held in memory (from the revision), not the database's.
    draft = downloads.get_latest_revision_as_object()
    draft.downloads.add(row(make_document("Nieuwe poster", name="poster.pdf"), kind="poster"))
    draft.save_revision()

    response = (
        DownloadsPage.objects.get(pk=downloads.pk)
        .get_latest_revision_as_object()
        .make_preview_request()
    )

    assert response.status_code == 200
    assert "Nieuwe poster" in response.text
    assert "Poster · Nederlands · PDF" in response.text


def test_a_translations_rows_show_their_themes_in_its_language(downloads, locales):
    english = downloads.copy_for_translation(locales["en"])
    english.save_revision().publish()
    admin = Client()
    _signed_in_with_mfa(admin, UserFactory(is_superuser=True))

    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))

    assert edit.status_code == 200
    checked = re.findall(r'<input [^>]*name="downloads-0-themes"[^>]*checked[^>]*>', edit.text)
    assert len(checked) == 2  # "Domestic violence" and "Recognising signs", not none
    assert "Huiselijk geweld" not in edit.text
    # And the English page lists them by their English names.
    assert "Domestic violence, Recognising signs" in Client().get(english.url).text
