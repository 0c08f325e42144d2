"""Test data for the expert pool (factory-boy, wagtail-factories).

index = AwarenessIndexPageFactory(parent=home)
offer = AwarenessOfferPageFactory(parent=index, themes=[theme])
pool = ExpertPoolPageFactory(parent=index)
form = SessionRequestPageFactory(parent=index)
expert = ExpertFactory(themes=[theme], municipalities=[dongen])      # in the pool, no account
profile = ExpertProfileFactory(expert=expert, themes=[theme])         # approved and consented
request, token = submit_test_request(theme=theme, municipality=dongen)  # through the service
request = SessionRequestFactory(preferred_date_1=day)                 # a bare record, status new
invitation = InvitationFactory(request=request, expert=expert)        # pending, on date 1
pause = ExpertPauseFactory(expert=expert, starts_on=day, ends_on=day)
claim = ExpenseClaimFactory(invitation=accepted_invitation)           # submitted

Test-only: nothing in the running site imports this module.
"""

import datetime
import hashlib
from decimal import Decimal

import factory
from django.utils import timezone
from wagtail.models import Locale

from portal.factories import PortalPageFactory
from portal.models import Municipality, Theme

from .choices import AgeGroup, HostKind, InvitationStatus, RequestStatus, WhoComes
from .models import AwarenessIndexPage, AwarenessOfferPage, ExpertPoolPage, SessionRequestPage
from .records import (
    ExpenseClaim,
    Expert,
    ExpertPause,
    ExpertProfile,
    Invitation,
    SessionRequest,
)
from .services.requests import RequestDetails, submit_request


class AwarenessIndexPageFactory(PortalPageFactory):
    title = "Voorlichting op school en club"
    slug = "voorlichting"
    intro = "Bewustwordingssessies voor scholen, sportclubs en organisaties."

    class Meta:
        model = AwarenessIndexPage


class AwarenessOfferPageFactory(PortalPageFactory):
    """A session for primary schools, groups 7 and 8; `themes`, `audiences` and
    `municipalities` take lists of labels."""

    title = factory.Sequence(lambda number: f"Sessie {number}")
    slug = factory.Sequence(lambda number: f"sessie-{number}")
    intro = "Een les over grenzen: wat is wel en niet oké, en bij wie kunt u terecht?"
    host_kind = HostKind.PRIMARY_SCHOOL
    age_groups = factory.LazyFunction(lambda: [AgeGroup.GROUPS_7_8.value])
    duration_minutes = 90
    who_comes = WhoComes.BOTH
    host_arranges = "<p>Een lokaal met een digibord, en de eigen leerkracht blijft erbij.</p>"

    class Meta:
        model = AwarenessOfferPage

    @factory.post_generation
    def themes(page, create: bool, terms, **kwargs) -> None:
        if create and terms:
            page.themes.set(terms)
            page.save()

    @factory.post_generation
    def audiences(page, create: bool, terms, **kwargs) -> None:
        if create and terms:
            page.audiences.set(terms)
            page.save()

    @factory.post_generation
    def municipalities(page, create: bool, terms, **kwargs) -> None:
        if create and terms:
            page.municipalities.set(terms)
            page.save()


class ExpertPoolPageFactory(PortalPageFactory):
    title = "Onze ervaringsdeskundigen"
    slug = "ervaringsdeskundigen"
    intro = "Zij vertellen over wat ze zelf hebben meegemaakt."

    class Meta:
        model = ExpertPoolPage


class SessionRequestPageFactory(PortalPageFactory):
    title = "Sessie aanvragen"
    slug = "aanvragen"
    intro = "Vraag een bewustwordingssessie aan voor uw school, club of organisatie."
    thank_you_text = "We nemen binnen vijf werkdagen contact met u op."

    class Meta:
        model = SessionRequestPage


def _default_terms(model, slug: str):
    return model.objects.get(locale=Locale.get_default(), slug=slug)


class ExpertFactory(factory.django.DjangoModelFactory):
    """An expert in the pool who speaks to every age group, Monday to Friday, in Dutch;
    `themes`, `audiences` and `municipalities` take lists of labels (default: the seeded
    themes kindermishandeling and the municipality Dongen)."""

    real_name = factory.Sequence(lambda number: f"Echte Naam {number}")
    email = factory.Sequence(lambda number: f"expert{number}@example.org")
    phone = "06 12345678"
    age_groups = factory.LazyFunction(lambda: [value for value, _label in AgeGroup.choices])
    languages = factory.LazyFunction(lambda: ["nl"])
    max_sessions_per_month = 2
    available_weekdays = factory.LazyFunction(lambda: [0, 1, 2, 3, 4])
    consent_public_profile = True
    consent_photo = False
    consents_recorded_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Expert
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(expert, create: bool, terms, **kwargs) -> None:
        if create:
            expert.themes.set(terms or [_default_terms(Theme, "kindermishandeling")])

    @factory.post_generation
    def audiences(expert, create: bool, terms, **kwargs) -> None:
        if create and terms:
            expert.audiences.set(terms)

    @factory.post_generation
    def municipalities(expert, create: bool, terms, **kwargs) -> None:
        if create:
            expert.municipalities.set(terms or [_default_terms(Municipality, "dongen")])


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    """An approved public profile (its expert consented, by default)."""

    expert = factory.SubFactory(ExpertFactory)
    pseudonym = factory.Sequence(lambda number: f"Schuilnaam {number}")
    short_story = "Ik vertel wat mij hielp, zodat een ander eerder hulp krijgt."
    approved = True
    approved_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ExpertProfile
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(profile, create: bool, terms, **kwargs) -> None:
        if create and terms:
            profile.themes.set(terms)


def next_weekday(days_ahead: int = 21) -> datetime.date:
    """A Monday to Friday at least `days_ahead` days from today (the form asks 14)."""
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def submit_test_request(*, language: str = "nl", **overrides) -> tuple[SessionRequest, str]:
    """A request sent through the service (history, messages and all): (request, token).

    Defaults: a primary school in Dongen, groups 7 and 8, 28 pupils, theme kindermishandeling,
    one date three weeks ahead. Override any field of RequestDetails by name.
    """
    values = {
        "host_kind": HostKind.PRIMARY_SCHOOL,
        "organisation": "Basisschool De Regenboog",
        "contact_name": "Lotte van Dijk",
        "contact_email": "lotte@example.org",
        "municipality": _default_terms(Municipality, "dongen"),
        "age_group": AgeGroup.GROUPS_7_8,
        "group_size": 28,
        "theme": _default_terms(Theme, "kindermishandeling"),
        "preferred_dates": [next_weekday()],
        "wishes": "Graag in de ochtend.",
    }
    values.update(overrides)
    sent = submit_request(RequestDetails(**values), language=language)
    return sent.request, sent.status_token


def dutch_term(model, slug: str):
    """A seeded taxonomy term in the site's main language, by its Dutch slug."""
    return _default_terms(model, slug)


class ExpertPauseFactory(factory.django.DjangoModelFactory):
    expert = factory.SubFactory(ExpertFactory)
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda pause: pause.starts_on + datetime.timedelta(days=30))

    class Meta:
        model = ExpertPause


class SessionRequestFactory(factory.django.DjangoModelFactory):
    """A bare request record (no history, no messages; submit_test_request goes through the
    service): a primary school in Dongen, groups 7 and 8, kindermishandeling, one date three
    weeks ahead, status new."""

    reference = factory.Sequence(lambda number: f"VL-T{number:05d}")
    status_token_digest = factory.Sequence(
        lambda number: hashlib.sha256(f"test-token-{number}".encode()).hexdigest()
    )
    host_kind = HostKind.PRIMARY_SCHOOL
    organisation = factory.Sequence(lambda number: f"Basisschool De Linde {number}")
    contact_name = "Lotte van Dijk"
    contact_email = factory.Sequence(lambda number: f"lotte{number}@school.example.org")
    municipality = factory.LazyFunction(lambda: _default_terms(Municipality, "dongen"))
    age_group = AgeGroup.GROUPS_7_8
    group_size = 28
    theme = factory.LazyFunction(lambda: _default_terms(Theme, "kindermishandeling"))
    preferred_date_1 = factory.LazyFunction(next_weekday)
    wishes = "Graag over grenzen."
    language = "nl"
    status = RequestStatus.NEW

    class Meta:
        model = SessionRequest


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation on its request's first preferred date (the request: proposed)."""

    request = factory.SubFactory(SessionRequestFactory, status=RequestStatus.PROPOSED)
    expert = factory.SubFactory(ExpertFactory)
    session_date = factory.LazyAttribute(lambda invitation: invitation.request.preferred_date_1)
    status = InvitationStatus.PENDING

    class Meta:
        model = Invitation


class ExpenseClaimFactory(factory.django.DjangoModelFactory):
    """A submitted claim for an accepted invitation."""

    invitation = factory.SubFactory(InvitationFactory, status=InvitationStatus.ACCEPTED)
    travel_km = Decimal("24.0")
    travel_costs = Decimal("5.28")
    fee = Decimal("75.00")

    class Meta:
        model = ExpenseClaim
