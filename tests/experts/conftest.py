"""The awareness-session pages on the test site: the Dutch home page -> Voorlichting op school en
club -> an offer, the pool page and the request form; the seeded taxonomy by Dutch slug."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from experts.factories import (
    AwarenessIndexPageFactory,
    AwarenessOfferPageFactory,
    ExpertPoolPageFactory,
    SessionRequestPageFactory,
)
from experts.records import Invitation
from experts.services import matching
from portal import roles
from portal.models import Audience, Municipality, Theme


def _by_slug(model) -> dict:
    return {term.slug: term for term in model.objects.filter(locale=Locale.get_default())}


@pytest.fixture
def themes(db) -> dict[str, Theme]:
    """The seeded Dutch themes by slug (portal's taxonomy migration)."""
    return _by_slug(Theme)


@pytest.fixture
def audiences(db) -> dict[str, Audience]:
    return _by_slug(Audience)


@pytest.fixture
def municipalities(db) -> dict[str, Municipality]:
    return _by_slug(Municipality)


@pytest.fixture
def awareness(home, themes, audiences) -> SimpleNamespace:
    """The offer pages: index, one offer for primary schools, the pool page, the form."""
    index = AwarenessIndexPageFactory(parent=home)
    offer = AwarenessOfferPageFactory(
        parent=index,
        title="Grenzen en geheimen",
        slug="grenzen-en-geheimen",
        age_groups=["groups_5_6", "groups_7_8"],
        themes=[themes["kindermishandeling"]],
        audiences=[audiences["scholen"]],
    )
    pool = ExpertPoolPageFactory(parent=index)
    form = SessionRequestPageFactory(parent=index)
    return SimpleNamespace(index=index, offer=offer, pool=pool, form=form)


@pytest.fixture
def coordinator(db):
    """An expert-pool coordinator's account (the services record who proposed)."""
    user = get_user_model().objects.create_user(
        email="noor@centrum.example.org", password="x", first_name="Noor"
    )
    user.groups.add(Group.objects.get(name=roles.EXPERT_POOL_COORDINATOR))
    return user


def confirm(request, expert, coordinator, day=None):
    """Propose `expert` for `request` on its first preferred date, and let her accept."""
    day = day or request.preferred_dates()[0]
    [invitation] = matching.propose(request, [(expert, day)], user=coordinator)
    matching.accept(invitation)
    request.refresh_from_db()
    return Invitation.objects.get(pk=invitation.pk)
