"""One form kit: every form (ours, a new app's, allauth's) is rendered the NL Design System way,
its descriptions and errors tied to its inputs, its problems listed at the top with links."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext

from portal.accounts.factories import UserFactory
from portal.forms import PublicForm

from .accounts.conftest import log_in


class SessionRequestForm(PublicForm):
    """What an app writes for a request form: fields only, no template of its own."""

    organisation = forms.CharField(label="Organisation", help_text="The school or club.")
    audience = forms.ChoiceField(
        label="For whom",
        choices=[("pupils", "Pupils"), ("staff", "Staff")],
        widget=forms.RadioSelect,
        help_text="Choose one.",
    )
    size = forms.ChoiceField(
        label="Group size", choices=[("small", "Small"), ("large", "Large")], required=False
    )
    remarks = forms.CharField(label="Remarks", widget=forms.Textarea, required=False)
    agree = forms.BooleanField(label="I agree to be called", help_text="To plan the session.")


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def described_text(soup: BeautifulSoup, element) -> str:
    """What a screen reader reads as the description of `element` (its aria-describedby)."""
    references = (element.get("aria-describedby") or "").split()
    for reference in references:
        assert soup.find(id=reference), f"aria-describedby points at a missing id: {reference}"
    return " ".join(soup.find(id=reference).get_text(" ", strip=True) for reference in references)


def assert_summary_links_reach_inputs(soup: BeautifulSoup) -> list[str]:
    summary = soup.find(id="error-summary")
    assert summary is not None, "no error summary at the top of the form"
    targets = [link["href"].removeprefix("#") for link in summary.select("a[href^='#']")]
    for target in targets:
        assert soup.find(id=target).name in ("input", "select", "textarea"), target
    return targets


def test_an_apps_form_renders_the_design_system_way_with_nothing_but_fields():
    form = SessionRequestForm({"organisation": "", "size": "huge", "remarks": "Graag"})
    with translation.override("en"):
        soup = parse(Template("{{ form }}").render(Context({"form": form})))

    # Every input has the design system's class and a label that names it.
    classes = {
        "organisation": "utrecht-textbox",
        "size": "utrecht-select",
        "remarks": "utrecht-textarea",
        "agree": "utrecht-checkbox",
    }
    for name, css_class in classes.items():
        field = soup.find(attrs={"name": name})
        assert css_class in field["class"], name
        assert soup.find("label", attrs={"for": field["id"]}), name
    radios = soup.select("input[name=audience]")
    assert len(radios) == 2
    assert all("utrecht-radio-button" in radio["class"] for radio in radios)
    assert soup.find("label", attrs={"for": radios[0]["id"]}).get_text() == "Pupils"

    # An input with a problem says so, and its description holds the help and the message.
    organisation = soup.find(attrs={"name": "organisation"})
    assert organisation["aria-invalid"] == "true"
    assert "utrecht-textbox--invalid" in organisation["class"]
    assert described_text(soup, organisation) == "The school or club. This field is required."
    size = soup.find(attrs={"name": "size"})
    assert "huge is not one of the available choices" in described_text(soup, size)
    # The radio group is a fieldset named by its legend, described as a whole.
    group = radios[0].find_parent("fieldset")
    assert group.legend.get_text(strip=True) == "For whom"
    assert described_text(soup, group) == "Choose one. This field is required."
    assert all(radio["aria-invalid"] == "true" for radio in radios)
    # A field that needs nothing typed is marked optional; a required one is not marked.
    assert "(optional)" in soup.find("label", attrs={"for": size["id"]}).get_text()
    assert "optional" not in soup.find("label", attrs={"for": organisation["id"]}).get_text()
    assert "(optional)" not in group.legend.get_text()
    # The remarks were fine: no alarm on them, and what was typed is still there.
    remarks = soup.find(attrs={"name": "remarks"})
    assert "aria-invalid" not in remarks.attrs
    assert remarks.get_text().strip() == "Graag"

    # At the top: every problem, each a link to its input (the first option of the group).
    targets = assert_summary_links_reach_inputs(soup)
    assert targets == [organisation["id"], radios[0]["id"], size["id"], "id_agree"]

    # The honeypot is there for bots only: hidden from eyes, screen readers and the keyboard.
    honeypot = soup.find(attrs={"name": "website"})
    assert honeypot.find_parent(attrs={"aria-hidden": "true"}) is not None
    assert honeypot["tabindex"] == "-1"


def test_a_sign_up_with_mistakes_lists_them_at_the_top_linked_to_their_fields(client, db):
    response = client.post(
        "/nl/account/signup/", {"email": "geen-adres", "password1": "x", "password2": "y"}
    )

    soup = parse(response.content.decode())
    assert "id_email" in assert_summary_links_reach_inputs(soup)
    email = soup.find(id="id_email")
    assert email["aria-invalid"] == "true"
    assert email["value"] == "geen-adres"
    assert "utrecht-form-field--invalid" in email.find_parent(class_="utrecht-form-field")["class"]
    assert described_text(soup, email)
    # allauth's placeholders repeat the label; the visible label is enough.
    assert not soup.select("main input[placeholder]")


def test_allauths_hand_written_inputs_share_the_field_markup_and_ids(client, db):
    staff = UserFactory(is_staff=True)
    log_in(client, staff.email)

    response = client.get("/nl/account/2fa/totp/activate/")

    soup = parse(response.content.decode())
    secret = soup.find(id="authenticator_secret")
    assert "utrecht-textbox" in secret["class"]
    assert secret.has_attr("disabled")
    # The same id convention as every form field: "<input id>_helptext".
    assert secret["aria-describedby"] == "authenticator_secret_helptext"
    with translation.override("nl"):
        help_text = gettext(
            "You can store this secret and use it to reinstall your authenticator app at a "
            "later time."
        )
    assert described_text(soup, secret) == help_text
    assert soup.find("label", attrs={"for": "authenticator_secret"})
    code = soup.find(attrs={"name": "code"})
    assert "utrecht-textbox" in code["class"]
    assert soup.find("label", attrs={"for": code["id"]})


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_account_deletion_form_uses_the_same_kit(client, db, language):
    user = UserFactory()
    client.force_login(user)

    response = client.post(f"/{language}/mijn-account/verwijderen/", {"password": "fout"})

    soup = parse(response.content.decode())
    targets = assert_summary_links_reach_inputs(soup)
    assert "id_password" in targets
    password = soup.find(id="id_password")
    assert password["aria-invalid"] == "true"
    assert "id_password_error" in password["aria-describedby"].split()
