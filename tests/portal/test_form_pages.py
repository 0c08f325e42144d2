"""What every form page does the same way (portal/form_pages.py), seen through its users."""

from portal.advice.factories import AdviceQuestionPageFactory
from portal.advice.models import AdviceQuestion, AdviceQuestionPage

QUESTION = {"role": "resident", "question": "Mijn buurjongen huilt vaak. Wat kan ik doen?"}


def test_the_thank_you_shows_once_on_the_page_that_was_sent_only(client, home):
    residents = AdviceQuestionPageFactory(parent=home)
    professionals = AdviceQuestionPageFactory(parent=home, slug="vraag-professional")

    assert client.post(residents.url, QUESTION)["Location"] == residents.url
    reference = AdviceQuestion.objects.get().reference

    # Another form page opened in between shows its form, not someone's reference.
    assert reference not in client.get(professionals.url).content.decode()
    assert reference in client.get(residents.url).content.decode()
    assert reference not in client.get(residents.url).content.decode()


def test_a_form_page_naming_a_form_that_does_not_exist_fails_the_checks(monkeypatch, db):
    assert not AdviceQuestionPage.check()
    monkeypatch.setattr(AdviceQuestionPage, "form_class", "portal.advice.forms.NoSuchForm")

    errors = AdviceQuestionPage.check()

    assert [error.id for error in errors] == ["form_pages.E001"]
    assert "NoSuchForm" in errors[0].msg
