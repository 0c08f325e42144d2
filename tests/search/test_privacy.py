"""Never index what is private: canary words in drafts, draft revisions, restricted pages and
restricted documents, looked for in every text column of the index after the upkeep ran and
after a full rebuild (issue 8, item 6).

Each test also indexes something public in the same way, so a passing test cannot come from
an index that indexes nothing.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.factories import StandardPageFactory
from tests.search import test_upkeep as upkeep_tests
from tests.search.test_upkeep import (
    assert_not_in_index,
    draft_page,
    found_pages,
    index_text,
    make_document,
    new_canary,
    publish,
)

# The fixtures of the upkeep tests: the index kept as on the site, commits that run the tasks.
upkeep = upkeep_tests.upkeep
committed = upkeep_tests.committed


def rebuild() -> None:
    call_command("rebuild_search_index", stdout=StringIO())


def test_a_draft_that_was_never_published_is_never_indexed(home, committed):
    secret, public = new_canary(), new_canary()
    with committed():
        draft = draft_page(home, title=f"Concept {secret}", slug="concept", intro=secret)
        draft.body = [("text", f"<p>{secret}</p>")]
        draft.save_revision()
        publish(draft_page(home, title="Openbaar", slug="openbaar", intro=public))

    assert_not_in_index(secret)
    assert found_pages(public)

    rebuild()
    assert_not_in_index(secret)
    assert found_pages(public)


def test_a_draft_revision_of_a_live_page_is_never_indexed(home, committed):
    secret, live_word = new_canary(), new_canary()
    with committed():
        page = StandardPageFactory(parent=home, title="Signalen", intro=f"Live {live_word}")

    page.title = f"Signalen {secret}"
    page.intro = f"Concept {secret}"
    with committed():
        page.save_revision()  # saved as a draft, not published

    assert_not_in_index(secret)
    assert found_pages(live_word) == {page.pk}

    rebuild()
    assert_not_in_index(secret)
    assert found_pages(live_word) == {page.pk}


@pytest.mark.parametrize("restriction_type", ["login", "password", "groups"])
def test_pages_under_a_view_restriction_are_never_indexed(home, committed, restriction_type):
    secret, public = new_canary(), new_canary()
    with committed():
        section = StandardPageFactory(parent=home, title="Intern", intro=secret)
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=restriction_type, password="geheim-wachtwoord"
        )
        if restriction_type == "groups":
            from django.contrib.auth.models import Group

            restriction.groups.add(Group.objects.create(name="Team"))
        publish(draft_page(section, title=f"Verslag {secret}", slug="verslag", intro=secret))
        StandardPageFactory(parent=home, intro=public)

    assert_not_in_index(secret)
    assert found_pages(public)

    rebuild()
    assert_not_in_index(secret)
    assert found_pages(public)


def test_a_document_in_a_login_restricted_collection_is_never_indexed(committed):
    secret, public = new_canary(), new_canary()
    root = Collection.get_first_root_node()
    with committed():
        private = root.add_child(name="Intern")
        CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
        below = private.add_child(name="Verslagen")
        make_document(f"Verslag {secret}", private)
        make_document(f"Notulen {secret}", below)
        make_document(f"Factsheet {public}")

    search = get_document_model().objects.search
    assert_not_in_index(secret)
    assert len(search(public)) == 1

    rebuild()
    assert_not_in_index(secret)
    assert len(search(public)) == 1


def test_nothing_private_is_indexed_through_a_late_or_repeated_update(home, committed):
    """An update always applies what is true when it runs: replaying an old "add" of a page
    that is private by now does not put it back."""
    from search.models import IndexUpdate
    from search.upkeep.apply import apply_update

    secret = new_canary()
    with committed():
        page = StandardPageFactory(parent=home, intro=secret)
    first_add = IndexUpdate.objects.get(object_id=str(page.pk), action="add")
    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert_not_in_index(secret)

    IndexUpdate.objects.filter(pk=first_add.pk).update(state="failed")
    apply_update(first_add.pk)

    assert_not_in_index(secret)


def test_the_index_text_helper_sees_what_is_indexed(home, committed):
    """The canary checks look in the right place: a public canary is found there."""
    word = new_canary()
    with committed():
        StandardPageFactory(parent=home, title=f"Titel {word}", intro=word)
    assert word in index_text()
