"""Translations are reviewed like pages: never public before a moderator approved their text."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from portal import roles
from portal.accounts.factories import UserFactory
from portal.models import Audience, AudiencePage, StandardPage, Theme
from tests.portal.test_taxonomy import _signed_in_with_mfa as _first_sign_in

pytestmark = pytest.mark.django_db


def _signed_in_with_mfa(client, user) -> None:
    """A session after password + TOTP; the same user may sign in again later in a test."""
    Authenticator.objects.filter(user=user).delete()
    _first_sign_in(client, user)


def _member_of(group_name: str, email: str):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def translator():
    return _member_of(roles.TRANSLATOR, "vertaler@example.org")


@pytest.fixture
def moderator():
    return _member_of(roles.MODERATOR, "eindredacteur@example.org")


@pytest.fixture
def dutch_page(home) -> StandardPage:
    page = home.add_child(
        instance=StandardPage(
            title="Signalen herkennen", slug="signalen", intro="Wat u kunt zien en horen."
        )
    )
    page.themes.add(Theme.objects.get(locale=home.locale, slug="signalen-herkennen"))
    page.save_revision().publish()
    return page


def _start_translation(client, user, page, django_capture_on_commit_callbacks) -> StandardPage:
    """What "Translate this page" into English does, as `user`; returns the English page."""
    _signed_in_with_mfa(client, user)
    english = Locale.objects.get(language_code="en")
    # wagtail-localize publishes on commit: run those callbacks, as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.id]),
            {"locales": [english.id]},
        )
    assert response.status_code == 302, response.content[:500]
    return StandardPage.objects.get(translation_key=page.translation_key, locale=english)


def _translate_every_text(page: StandardPage, texts: dict[str, str]) -> Translation:
    """Fill translation memory as the translator does in the editor (one text per field)."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "context", "string"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=page.locale,
            context=segment.context,
            defaults={
                "data": texts[segment.context.path],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    return translation


ENGLISH_TEXTS = {
    "title": "Recognising signs",
    "slug": "recognising-signs",
    "intro": "What you can see and hear.",
}


def _press_main_button(client, page, django_capture_on_commit_callbacks):
    """The translation editor's main button ("Publish in English" for publishers)."""
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.id]), {"action": "publish"}
        )


def test_starting_a_translation_of_a_live_page_does_not_publish_it(
    client, dutch_page, translator, django_capture_on_commit_callbacks
):
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)

    english.refresh_from_db()
    assert not english.live
    client.logout()
    # Until a moderator approves it, visitors cannot see it (it still holds the Dutch text).
    assert client.get("/en/signalen/").status_code == 404


def test_a_translator_submits_a_translation_for_review_and_a_moderator_publishes_it(
    client, dutch_page, translator, moderator, django_capture_on_commit_callbacks
):
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)
    _translate_every_text(english, ENGLISH_TEXTS)

    response = _press_main_button(client, english, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    english.refresh_from_db()
    assert not english.live
    state = english.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert list(state.current_task_state.task.specific.groups.values_list("name", flat=True)) == [
        roles.MODERATOR
    ]
    assert state.current_task_state.revision.as_object().title == "Recognising signs"
    assert state.requested_by == translator

    # The moderator approves in the admin: now it is live, in English.
    _signed_in_with_mfa(client, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[english.id, "approve", state.current_task_state.id],
            )
        )
    assert response.status_code in (200, 302)
    english.refresh_from_db()
    assert english.live
    client.logout()
    live = client.get("/en/recognising-signs/")
    assert live.status_code == 200
    assert "What you can see and hear." in live.text
    assert "Wat u kunt zien" not in live.text


def test_a_translation_with_untranslated_texts_is_not_submitted(
    client, dutch_page, translator, django_capture_on_commit_callbacks
):
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)

    response = _press_main_button(client, english, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert english.current_workflow_state is None
    # The admin speaks Dutch: title, slug and introduction are still untranslated.
    page = client.get(response["Location"])
    assert "3 teksten zijn nog niet vertaald." in page.text


def test_resubmitting_a_live_translation_leaves_the_live_text_until_approval(
    client, dutch_page, translator, moderator, django_capture_on_commit_callbacks
):
    """After the Dutch page changes and the translation is synced and resubmitted, visitors
    keep seeing the approved English text until a moderator approves the new one."""
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)
    translation = _translate_every_text(english, ENGLISH_TEXTS)
    _signed_in_with_mfa(client, moderator)
    _press_main_button(client, english, django_capture_on_commit_callbacks)  # publishes
    english.refresh_from_db()
    assert english.live

    dutch_page.intro = "Wat u kunt zien, horen en ruiken."
    dutch_page.save_revision().publish()
    _signed_in_with_mfa(client, translator)
    # The translator syncs and even ticks "Publish immediately": that option is not theirs.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    _translate_every_text(english, {**ENGLISH_TEXTS, "intro": "What you can see, hear and smell."})
    _press_main_button(client, english, django_capture_on_commit_callbacks)

    client.logout()
    live = client.get("/en/recognising-signs/")
    assert "What you can see and hear." in live.text
    assert "smell" not in live.text and "ruiken" not in live.text
    english.refresh_from_db()
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_only_publishers_are_offered_publish_immediately_when_syncing(
    client, dutch_page, translator, django_capture_on_commit_callbacks
):
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(target_locale=english.locale)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    checkbox = 'type="checkbox" name="publish_translations"'

    form = client.get(url)
    assert form.status_code == 200
    assert checkbox not in form.text
    administrator = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    _signed_in_with_mfa(client, administrator)
    assert checkbox in client.get(url).text


def test_converting_a_translation_into_an_alias_is_for_publishers_only(
    client, dutch_page, translator, moderator, django_capture_on_commit_callbacks
):
    """An alias mirrors the live Dutch page: it would put Dutch text live in English."""
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)
    url = reverse("wagtail_localize:convert_to_alias", args=[english.id])

    refused = client.post(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # "no permission"
    english.refresh_from_db()
    assert not english.live and english.alias_of_id is None
    _signed_in_with_mfa(client, moderator)
    assert client.get(url).status_code == 200


def test_the_editor_offers_a_translator_submit_for_review_and_no_alias(
    client, dutch_page, translator, moderator, django_capture_on_commit_callbacks
):
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.id])

    with django_translation.override("nl"):
        editor = client.get(edit_url).text
    assert '"submitForReview": true' in editor
    assert '"hideConvertToAlias": true' in editor
    assert "Ter beoordeling aanbieden: " in editor

    _signed_in_with_mfa(client, moderator)
    assert "steiger-translation-editor" not in client.get(edit_url).text


def test_the_review_workflow_covers_the_english_tree(home, dutch_page):
    """The English home is a sibling of the Dutch home under the root; both are covered."""
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    english_page = dutch_page.copy_for_translation(english_home.locale)

    for page in (english_home, english_page, dutch_page):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == roles.APPROVAL_WORKFLOW


def test_translating_a_page_keeps_the_english_labels_it_uses(
    client, home, translator, django_capture_on_commit_callbacks
):
    """wagtail-localize "translates" the labels a page uses along with it; the seeded English
    audience must not be rewritten with the Dutch text."""
    residents = Audience.objects.get(locale=home.locale, slug="inwoners")
    landing = home.add_child(
        instance=AudiencePage(title="Inwoners", slug="inwoners", audience=residents)
    )
    landing.save_revision().publish()

    _signed_in_with_mfa(client, translator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[landing.id]),
            {"locales": [Locale.objects.get(language_code="en").id]},
        )

    english_residents = Audience.objects.get(
        locale__language_code="en", translation_key=residents.translation_key
    )
    assert (english_residents.name, english_residents.slug) == ("Residents", "residents")
    english_landing = AudiencePage.objects.get(locale__language_code="en")
    assert english_landing.audience == english_residents


def test_a_translation_is_tagged_with_the_terms_of_its_own_language(home, dutch_page):
    english = dutch_page.copy_for_translation(Locale.objects.get(language_code="en"))

    english = StandardPage.objects.get(pk=english.pk)
    assert [(t.name, t.locale.language_code) for t in english.themes.all()] == [
        ("Recognising signs", "en")
    ]
    # The Dutch page keeps its own.
    assert list(dutch_page.themes.values_list("name", flat=True)) == ["Signalen herkennen"]


def test_content_languages_are_named_in_the_admins_language(locales):
    with django_translation.override("nl"):
        assert locales["en"].get_display_name() == "Engels"
        assert locales["nl"].get_display_name() == "Nederlands"
    with django_translation.override("en"):
        assert locales["en"].get_display_name() == "English"


def test_the_editors_publish_button_reads_as_dutch(client, moderator):
    """wagtail-localize's catalogue has "Publiceer in" without the space the editor needs."""
    _signed_in_with_mfa(client, moderator)
    with django_translation.override("nl"):
        catalogue = client.get(
            reverse("wagtail_localize:javascript_catalog"), HTTP_ACCEPT_LANGUAGE="nl"
        )
    assert catalogue.status_code == 200
    assert '"Publish in ": "Publiceer in het "' in catalogue.text


def test_a_label_translation_is_published_only_when_every_text_is_translated(
    client, home, translator, django_capture_on_commit_callbacks
):
    """After the Dutch label changes, its English version never shows the Dutch text."""
    residents = Audience.objects.get(locale=home.locale, slug="inwoners")
    landing = home.add_child(
        instance=AudiencePage(title="Inwoners", slug="inwoners", audience=residents)
    )
    landing.save_revision().publish()
    _signed_in_with_mfa(client, translator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[landing.id]),
            {"locales": [Locale.objects.get(language_code="en").id]},
        )
    english_residents = residents.get_translation(Locale.objects.get(language_code="en"))
    translation = Translation.objects.get(
        source__object_id=residents.translation_key, target_locale=english_residents.locale
    )

    residents.description = "Voor iedereen die zich zorgen maakt, ook anoniem."
    residents.save()
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert 'name="publish_translations"' not in client.get(sync_url).text.replace(
        'type="hidden" name="publish_translations"', ""
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})
    edit_url = reverse("wagtailsnippets_portal_audience:edit", args=[english_residents.pk])
    editor = client.get(edit_url)
    assert editor.status_code == 200 and "js-translation-editor" in editor.text
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(edit_url, {"action": "publish"})

    english_residents.refresh_from_db()
    assert english_residents.description == (
        "For anyone worried about themselves or someone close by."
    )
    assert "1 tekst is nog niet vertaald." in client.get(refused["Location"]).text

    new_text = StringSegment.objects.get(source=translation.source, context__path="description")
    StringTranslation.objects.create(
        translation_of=new_text.string,
        locale=english_residents.locale,
        context=new_text.context,
        data="For anyone who is worried, anonymously too.",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})
    english_residents.refresh_from_db()
    assert english_residents.description == "For anyone who is worried, anonymously too."
    assert english_residents.name == "Residents"


def test_a_translation_sent_back_for_changes_can_be_resubmitted(
    client, dutch_page, translator, moderator, django_capture_on_commit_callbacks
):
    english = _start_translation(client, translator, dutch_page, django_capture_on_commit_callbacks)
    _translate_every_text(english, ENGLISH_TEXTS)
    _press_main_button(client, english, django_capture_on_commit_callbacks)
    # Pressing it again while the review runs changes nothing and says why.
    again = _press_main_button(client, english, django_capture_on_commit_callbacks)
    assert "wacht al op beoordeling" in client.get(again["Location"]).text
    assert english.workflow_states.count() == 1

    state = english.current_workflow_state
    _signed_in_with_mfa(client, moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[english.id, "reject", state.current_task_state.id],
        ),
        {"comment": "Please use 'signs' in the title."},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    _signed_in_with_mfa(client, translator)
    _translate_every_text(english, {**ENGLISH_TEXTS, "title": "Recognising the signs"})
    _press_main_button(client, english, django_capture_on_commit_callbacks)

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision.as_object().title == "Recognising the signs"
    english.refresh_from_db()
    assert not english.live
