"""Keeping the index true: publish, unpublish, delete, move, translate, make private, and the
queue, reconcile and rebuild around them (search/upkeep/, search/receivers.py).

A test's transaction never commits, so the updates' tasks (run at once by the test settings'
immediate task backend) run when `committed()` ends, as they would after a real commit.
"""

import re
from contextlib import AbstractContextManager
from datetime import timedelta
from io import StringIO
from types import SimpleNamespace
from uuid import uuid4

import pytest
from django.core.cache import cache
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import models
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone
from modelsearch import index
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from portal.factories import StandardPageFactory
from portal.models import StandardPage
from search import corrections
from search.models import IndexUpdate
from search.upkeep.checks import check_auto_update_off
from search.upkeep.reconcile import reconcile
from search.visibility import is_indexable_model

State = IndexUpdate.State

# --- shared by the upkeep and privacy tests ----------------------------------------------------


def new_canary() -> str:
    """A word found nowhere else: its presence anywhere in the index is a leak. Ends in "zz"
    so no stemmer (PostgreSQL keeps stemmed lexemes) shortens it."""
    return f"kanarie{uuid4().hex[:10]}zz"


@pytest.fixture
def upkeep(settings):
    """The index as the site keeps it: modelsearch's save-time updates off on every backend,
    our receivers on. (The settings say so too: test_modelsearch_auto_update_is_off_in_settings.)"""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    return settings


@pytest.fixture
def committed(db, upkeep, django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what would run after the commit: the index tasks."""

    def commit() -> AbstractContextManager:
        return django_capture_on_commit_callbacks(execute=True)

    return commit


@pytest.fixture
def site_without_queue(home, upkeep):
    """The test site, with the updates its making queued taken away: a test's transaction
    never commits, so their tasks never ran."""
    IndexUpdate.objects.all().delete()
    return home


def index_text() -> str:
    """Every text the database index holds (title, body, autocomplete and whatever other text
    columns the engine keeps, plus SQLite's full-text shadow table), lower case."""
    config = get_app_config()
    entry_model = config.get_model("IndexEntry")
    skip = {"id", "content_type", "object_id", "title_norm"}
    names = [field.name for field in entry_model._meta.concrete_fields if field.name not in skip]
    rows = entry_model.objects.annotate(
        **{f"text_{name}": Cast(name, TextField()) for name in names}
    ).values_list(*(f"text_{name}" for name in names))
    texts = [value or "" for row in rows for value in row]
    try:
        fts_model = config.get_model("SQLiteFTSIndexEntry")
    except LookupError:
        fts_model = None
    if fts_model is not None:
        fts = fts_model.objects.values_list("title", "body", "autocomplete")
        texts += [value or "" for row in fts for value in row]
    return " ".join(texts).lower()


def assert_not_in_index(canary: str) -> None:
    text = index_text()
    assert canary not in text
    assert canary[:14] not in text  # a stemmed or split form
    assert not list(Page.objects.search(canary))
    assert not list(Page.objects.autocomplete(canary))
    assert not list(get_document_model().objects.search(canary))


def found_pages(word: str) -> set[int]:
    return {page.pk for page in Page.objects.search(word)}


def draft_page(parent: Page, **fields) -> StandardPage:
    """A page an editor created and never published."""
    page = StandardPage(live=False, **fields)
    parent.add_child(instance=page)
    page.save_revision()
    return page


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()  # publishing worked on a copy of the page: now live here too
    return page


# --- the settings ------------------------------------------------------------------------------


def test_modelsearch_auto_update_is_off_in_settings():
    """Left on, modelsearch indexes every saved draft (portal/settings/base.py)."""
    assert check_auto_update_off() == []


def test_the_start_up_check_refuses_auto_update(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
    errors = [error for error in run_checks() if error.id == "search.E001"]
    assert len(errors) == 1
    assert "AUTO_UPDATE" in errors[0].hint


# --- pages -------------------------------------------------------------------------------------


def test_publishing_indexes_a_page_through_one_queued_update(home, committed):
    word = new_canary()
    page = draft_page(home, title="Hulp zoeken", slug="hulp", intro=f"Over {word}.")

    with committed():
        publish(page)

    assert found_pages(word) == {page.pk}
    # Publishing saves the page and then announces it: one update, applied.
    update = IndexUpdate.objects.get(object_id=str(page.pk))
    assert (update.action, update.state, update.attempts) == ("add", "done", 1)
    assert update.content_type_id == page.content_type_id


def test_the_queue_holds_no_text_and_the_task_gets_an_id_only(home, committed, monkeypatch):
    from search import receivers

    enqueued = []
    task = receivers.apply_index_update

    def enqueue(*args, **kwargs):
        enqueued.append((args, kwargs))
        return task.enqueue(*args, **kwargs)

    monkeypatch.setattr(receivers, "apply_index_update", SimpleNamespace(enqueue=enqueue))
    word = new_canary()

    with committed():
        StandardPageFactory(parent=home, title=f"Titel {word}", intro=word)

    assert len(enqueued) == 1
    ((update_id,), kwargs) = enqueued[0]
    assert isinstance(update_id, int) and kwargs == {}
    row = IndexUpdate.objects.filter(pk=update_id).values().get()
    assert word not in " ".join(str(value) for value in row.values())


def test_nothing_is_queued_before_the_commit(home, upkeep, django_capture_on_commit_callbacks):
    word = new_canary()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = publish(draft_page(home, title="Nog niet", slug="nog-niet", intro=word))

    assert len(callbacks) == 1
    assert IndexUpdate.objects.get(object_id=str(page.pk)).state == State.PENDING
    assert not found_pages(word)


def test_a_page_made_live_without_publishing_is_indexed(home, committed):
    word = new_canary()
    with committed():
        page = StandardPageFactory(parent=home, intro=word)
    assert found_pages(word) == {page.pk}


def test_unpublishing_removes_a_page(home, committed):
    word = new_canary()
    with committed():
        page = StandardPageFactory(parent=home, intro=word)
    assert found_pages(word)

    with committed():
        page.unpublish()

    assert_not_in_index(word)
    assert IndexUpdate.objects.filter(action="remove", state=State.DONE).count() == 1


def test_unpublishing_with_its_descendants_removes_them_all(home, committed):
    word = new_canary()
    with committed():
        section = StandardPageFactory(parent=home, intro=word)
        child = StandardPageFactory(parent=section, intro=word)
    assert found_pages(word) == {section.pk, child.pk}

    from django.contrib.auth import get_user_model
    from wagtail.actions.unpublish_page import UnpublishPageAction

    admin = get_user_model().objects.create_superuser(email="beheer@example.org", password="x")
    with committed():
        UnpublishPageAction(section, user=admin, include_descendants=True).execute()

    assert_not_in_index(word)


def test_deleting_removes_a_page_and_its_children(home, committed):
    word = new_canary()
    with committed():
        section = StandardPageFactory(parent=home, intro=word)
        StandardPageFactory(parent=section, intro=word)
    assert len(found_pages(word)) == 2

    with committed():
        section.delete()

    assert_not_in_index(word)


def test_moving_keeps_a_page_findable(home, committed):
    word = new_canary()
    with committed():
        old_parent = StandardPageFactory(parent=home)
        new_parent = StandardPageFactory(parent=home)
        page = StandardPageFactory(parent=old_parent, intro=word)

    with committed():
        page.move(new_parent, pos="last-child")

    assert found_pages(word) == {page.pk}
    assert Page.objects.get(pk=page.pk).get_parent().pk == new_parent.pk


def test_moving_into_a_private_section_removes_the_page_and_out_of_it_adds_it(home, committed):
    word = new_canary()
    with committed():
        private = StandardPageFactory(parent=home)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        page = StandardPageFactory(parent=home, intro=word)
    assert found_pages(word) == {page.pk}

    with committed():
        Page.objects.get(pk=page.pk).move(private, pos="last-child")
    assert_not_in_index(word)

    with committed():
        Page.objects.get(pk=page.pk).move(home, pos="last-child")
    assert found_pages(word) == {page.pk}


def test_making_a_page_private_removes_it_and_its_children_and_public_again_adds_them(
    home, committed
):
    word = new_canary()
    with committed():
        section = StandardPageFactory(parent=home, intro=word)
        child = StandardPageFactory(parent=section, intro=word)
        grandchild = StandardPageFactory(parent=child, intro=word)
    assert found_pages(word) == {section.pk, child.pk, grandchild.pk}

    with committed():
        restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert_not_in_index(word)

    with committed():
        restriction.delete()
    assert found_pages(word) == {section.pk, child.pk, grandchild.pk}


def test_a_published_translation_is_indexed(home, locales, committed):
    word = new_canary()
    with committed():
        page = StandardPageFactory(parent=home, title="Signalen", intro="Dutch text")
    english_home = home.get_translation(locales["en"])
    assert english_home.live

    translation = page.copy_for_translation(locales["en"])
    translation.intro = f"English {word}"
    with committed():
        translation.save_revision()
    assert not found_pages(word)  # started as a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS...)

    with committed():
        publish(translation)
    assert found_pages(word) == {translation.pk}


# --- documents and the door --------------------------------------------------------------------


@pytest.fixture
def private_collection(db) -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def make_document(title: str, collection: Collection | None = None):
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save("folder.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    document.save()
    return document


def make_image(title: str):
    from wagtail_factories import ImageFactory

    return ImageFactory(title=title, collection=Collection.get_first_root_node())


def test_a_public_document_is_indexed_and_removed_when_deleted(committed):
    word = new_canary()
    with committed():
        document = make_document(f"Factsheet {word}")
    assert [found.pk for found in get_document_model().objects.search(word)] == [document.pk]

    document_id = str(document.pk)
    with committed():
        document.delete()
    assert_not_in_index(word)
    updates = IndexUpdate.objects.filter(object_id=document_id).order_by("pk")
    assert list(updates.values_list("action", "state")) == [("add", "done"), ("remove", "done")]


def test_making_a_collection_private_removes_its_documents_and_public_again_adds_them(
    committed,
):
    word = new_canary()
    root = Collection.get_first_root_node()
    with committed():
        collection = root.add_child(name="Posters")
        sub = collection.add_child(name="Oud")
        documents = {make_document(f"Poster {word}", collection), make_document(f"Oud {word}", sub)}
    search = get_document_model().objects.search
    assert {found.pk for found in search(word)} == {document.pk for document in documents}

    with committed():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="login"
        )
    assert_not_in_index(word)

    with committed():
        restriction.delete()
    assert {found.pk for found in search(word)} == {document.pk for document in documents}


def test_moving_a_document_into_a_private_collection_removes_it(committed, private_collection):
    word = new_canary()
    with committed():
        document = make_document(f"Folder {word}")
    with committed():
        document.collection = private_collection
        document.save()
    assert_not_in_index(word)


def test_a_model_without_the_door_is_never_indexed():
    """Only pages, documents, images (for the editors' chooser) and labels are indexed without
    declaring `search_visible()`; any other indexed model must open the door."""

    class Notes(index.Indexed, models.Model):
        text = models.TextField()
        search_fields = [index.SearchField("text")]

        class Meta:
            app_label = "search"
            abstract = True

    assert not is_indexable_model(Notes)
    assert is_indexable_model(get_image_model())


def test_an_image_in_a_restricted_collection_is_never_indexed(committed):
    word = new_canary()
    private = Collection.get_first_root_node().add_child(name=f"Intern {word}")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    with committed():
        image = make_image(f"Foto {word}")
        image.collection = private
        image.save()
    assert word not in index_text()

    call_command("rebuild_search_index", stdout=StringIO())
    assert word not in index_text()


def test_a_model_that_opens_the_door_is_indexed_as_far_as_it_says(committed, monkeypatch):
    """`search_visible()` is how later apps (sessions, expert profiles) take part; Wagtail's
    image model stands in for such a model here."""
    image_model = get_image_model()
    monkeypatch.setattr(
        image_model,
        "search_visible",
        classmethod(lambda cls: cls.objects.filter(title__startswith="Openbaar")),
        raising=False,
    )
    public_word, private_word = new_canary(), new_canary()
    with committed():
        public = make_image(f"Openbaar {public_word}")
        make_image(f"Geheim {private_word}")

    assert [found.pk for found in image_model.objects.search(public_word)] == [public.pk]
    assert private_word not in index_text()

    with committed():
        public.title = f"Geheim nu {public_word}"
        public.save()
    assert public_word not in index_text()


# --- reconcile ---------------------------------------------------------------------------------


class BrokenBackend:
    """A search backend that is down: every call fails as an unreachable server does."""

    catch_indexing_errors = True

    def __init__(self, params):
        pass

    def add(self, obj):
        raise ConnectionRefusedError("secret content must never reach the log")

    delete = add


BROKEN = f"{__name__}.BrokenBackend"


def _use_backend(settings, dotted_path: str) -> None:
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            **settings.WAGTAILSEARCH_BACKENDS["default"],
            "BACKEND": dotted_path,
            "AUTO_UPDATE": False,
        }
    }


def age(updates, seconds: int = 60) -> None:
    IndexUpdate.objects.filter(pk__in=[update.pk for update in updates]).update(
        created_at=timezone.now() - timedelta(seconds=seconds)
    )


def test_a_failed_update_is_kept_with_the_error_class_only_and_reconcile_replays_it(
    site_without_queue, committed, settings, caplog
):
    home = site_without_queue
    database_backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    word = new_canary()
    _use_backend(settings, BROKEN)
    with committed():
        page = publish(draft_page(home, title="Storing", slug="storing", intro=word))

    assert Page.objects.get(pk=page.pk).live  # publishing succeeded
    update = IndexUpdate.objects.get()
    assert (update.state, update.last_error, update.attempts) == (
        "failed",
        "ConnectionRefusedError",
        1,
    )
    assert "secret content" not in caplog.text and word not in caplog.text

    _use_backend(settings, database_backend)
    age([update])
    report = reconcile()

    assert (report.objects, report.done, report.failed) == (1, 1, 0)
    update.refresh_from_db()
    assert (update.state, update.last_error, update.attempts) == ("done", "", 2)
    assert found_pages(word) == {page.pk}


def test_a_backend_that_is_down_does_not_keep_the_fallback_from_being_updated(
    site_without_queue, committed, settings
):
    """Production: Meilisearch as default, the database backend as the search page's fallback."""
    database_backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": BROKEN, "AUTO_UPDATE": False},
        "fallback": {"BACKEND": database_backend, "AUTO_UPDATE": False},
    }
    word = new_canary()
    with committed():
        page = StandardPageFactory(parent=site_without_queue, intro=word)

    assert [found.pk for found in Page.objects.search(word, backend="fallback")] == [page.pk]
    update = IndexUpdate.objects.get(object_id=str(page.pk))
    assert (update.state, update.last_error) == ("failed", "ConnectionRefusedError")


def test_reconcile_applies_the_latest_update_of_an_object_once(
    site_without_queue, committed, settings
):
    home = site_without_queue
    database_backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    word = new_canary()
    _use_backend(settings, BROKEN)
    with committed():
        page = StandardPageFactory(parent=home, intro=word)
    with committed():
        page.unpublish()
    with committed():
        publish(page)
    failed = list(IndexUpdate.objects.filter(object_id=str(page.pk)))
    assert [update.state for update in failed] == ["failed"] * 3

    _use_backend(settings, database_backend)
    age(failed)
    report = reconcile()

    assert (report.objects, report.done) == (1, 1)
    assert set(IndexUpdate.objects.values_list("state", flat=True)) == {"done"}
    assert found_pages(word) == {page.pk}


def test_reconcile_leaves_young_pending_updates_to_their_task(site_without_queue):
    home = site_without_queue
    update = IndexUpdate.objects.create(
        content_type_id=home.content_type_id, object_id=str(home.pk), action="add"
    )
    assert reconcile().objects == 0
    age([update])
    assert reconcile().objects == 1


def test_reconcile_stops_early_while_the_backend_keeps_failing(
    site_without_queue, committed, settings
):
    home = site_without_queue
    _use_backend(settings, BROKEN)
    with committed():
        pages = [StandardPageFactory(parent=home) for _ in range(5)]
    age(IndexUpdate.objects.all())

    output = StringIO()
    with pytest.raises(Exception, match="failed"):
        call_command("reconcile_search_index", stdout=output)

    assert "replayed 3: 0 done, 3 failed (stopped early" in output.getvalue()
    assert IndexUpdate.objects.filter(state="failed").count() == len(pages)


def test_reconcile_purges_applied_updates_after_30_days(site_without_queue):
    home = site_without_queue
    old, recent, failed = (
        IndexUpdate.objects.create(
            content_type_id=home.content_type_id, object_id=str(home.pk), action="add", state=state
        )
        for state in ("done", "done", "failed")
    )
    IndexUpdate.objects.filter(pk__in=[old.pk, failed.pk]).update(
        updated_at=timezone.now() - timedelta(days=31)
    )
    IndexUpdate.objects.filter(pk=failed.pk).update(created_at=timezone.now())

    assert reconcile().purged_updates == 1
    assert set(IndexUpdate.objects.values_list("pk", flat=True)) == {recent.pk, failed.pk}


# --- rebuild -----------------------------------------------------------------------------------


def test_rebuild_indexes_public_content_and_drops_what_is_not_public_any_more(home, committed):
    word = new_canary()
    with committed():
        public = StandardPageFactory(parent=home, intro=word)
        private = StandardPageFactory(parent=home, intro=word)
    # The index missed this restriction (say, the server was down) ...
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=private, restriction_type="password", password="x")]
    )
    # ... and lost the public page.
    get_search_backend().delete(public)
    assert found_pages(word) == {private.pk}

    output = StringIO()
    call_command("rebuild_search_index", stdout=output)

    assert found_pages(word) == {public.pk}
    assert "default: portal.StandardPage: indexed 1, removed 1" in output.getvalue()
    assert "default: total indexed" in output.getvalue()
    # The typo corrections' words were read from the new index, before anyone made a typo
    # (they are letters only: the canary's digits split it).
    _fingerprint, words = cache.get(corrections.VOCABULARY_KEY)
    assert re.findall(r"[a-z]+", word)[0] in words


def test_rebuild_uses_the_atomic_rebuilder_of_the_database_backend(home, committed, monkeypatch):
    from search.upkeep import rebuild as rebuild_module

    used = []
    real = rebuild_module._rebuilder
    monkeypatch.setattr(
        rebuild_module,
        "_rebuilder",
        lambda backend, index: used.append(real(backend, index)) or used[-1],
    )
    call_command("rebuild_search_index", stdout=StringIO())

    assert used and all("Atomic" in type(rebuilder).__name__ for rebuilder in used)


def test_a_failing_rebuild_leaves_the_index_as_it_was(home, committed, monkeypatch):
    from search.upkeep import rebuild as rebuild_module

    word = new_canary()
    with committed():
        page = StandardPageFactory(parent=home, intro=word)

    def broken(backend_name, index, model, chunk_size):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rebuild_module, "_rebuild_model", broken)
    with pytest.raises(RuntimeError):
        call_command("rebuild_search_index", stdout=StringIO())

    assert found_pages(word) == {page.pk}
