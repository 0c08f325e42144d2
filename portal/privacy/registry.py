"""The one place where every model holding personal data says how to export, erase and expire it.

Each app declares its owners in its own `<app>/privacy.py`, found at start-up with Django's
autodiscover_modules (portal/privacy/apps.py). The account pages, the data download and
`manage.py purge_expired_data` go through this registry only, so a new app cannot forget a step:
registering requires all of them. tests/portal/privacy/test_contract.py fails when a model of
ours holds personal data that no owner covers and that is not exempt with a reason.

    register(PersonalDataOwner(
        key="booking", label=_("Course bookings"), models=["courses.Booking"],
        exporter=export, eraser=erase, purger=purge, default_retention=timedelta(days=365),
    ))
    exempt("courses.Course", fields=["contact_email"], reason="the Centre's desk, not a person")

Retention: each owner declares its default; settings.RETENTION_DAYS, keyed by the owner's key,
overrides it in days for one installation (a key that names no owner fails `manage.py check`).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Model

if TYPE_CHECKING:
    from portal.accounts.models import User

Exporter = Callable[["User"], list[dict[str, Any]]]
Eraser = Callable[["User"], int]
Purger = Callable[[datetime], int]


def model_label(model: type[Model] | str) -> str:
    """ "app_label.ModelName" or a model class, as Django's lower-case label."""
    return model.lower() if isinstance(model, str) else model._meta.label_lower


@dataclass(frozen=True, kw_only=True)
class PersonalDataOwner:
    """A kind of personal data: what it is, which models hold it, how to export, erase, expire it.

    key                stable identifier, also the section name in a user's data export and the
                       key of settings.RETENTION_DAYS
    label              what the user sees in their export and on the privacy pages
    models             the models whose rows this owner exports, erases and expires: model
                       classes or "app_label.ModelName"
    exporter           returns the user's records as JSON-ready dicts
    eraser             deletes or anonymises the user's records; returns how many were touched
    default_retention  how long records are kept after `purger`'s reference date, unless
                       settings.RETENTION_DAYS[key] says otherwise
    purger             deletes or anonymises records older than the given cut-off; returns a count
    """

    key: str
    label: str
    # Model classes or labels when declared; always a sorted tuple of lower-case labels after.
    models: Iterable[type[Model] | str]
    exporter: Exporter
    eraser: Eraser
    default_retention: timedelta
    purger: Purger

    def __post_init__(self) -> None:
        labels = tuple(sorted(model_label(model) for model in self.models))
        if not labels:
            raise ValueError(f"Personal data owner {self.key!r} names no models.")
        object.__setattr__(self, "models", labels)

    @property
    def retention(self) -> timedelta:
        """The retention in force: settings.RETENTION_DAYS[key] when set, else the default."""
        days = getattr(settings, "RETENTION_DAYS", {}).get(self.key)
        return self.default_retention if days is None else timedelta(days=days)


@dataclass(frozen=True)
class Exemption:
    """Fields that look like personal data but are not, and why (for the contract test)."""

    model: str
    fields: tuple[str, ...]
    reason: str


class PersonalDataRegistry:
    def __init__(self) -> None:
        self._owners: dict[str, PersonalDataOwner] = {}
        self._exemptions: dict[tuple[str, str], Exemption] = {}

    def register(self, owner: PersonalDataOwner) -> PersonalDataOwner:
        if owner.key in self._owners and self._owners[owner.key] != owner:
            raise ValueError(f"Personal data owner {owner.key!r} is registered twice.")
        self._owners[owner.key] = owner
        return owner

    def exempt(self, model: type[Model] | str, *, fields: Iterable[str], reason: str) -> Exemption:
        """Declare that these fields of `model` hold no personal data, saying why."""
        fields = tuple(fields)
        if not fields or not reason.strip():
            raise ValueError("An exemption names its fields and gives a reason.")
        exemption = Exemption(model_label(model), fields, reason)
        for name in fields:
            self._exemptions[(exemption.model, name)] = exemption
        return exemption

    def owners(self) -> list[PersonalDataOwner]:
        return sorted(self._owners.values(), key=lambda owner: owner.key)

    def get(self, key: str) -> PersonalDataOwner:
        return self._owners[key]

    def owner_of(self, model: type[Model] | str) -> PersonalDataOwner | None:
        label = model_label(model)
        return next((owner for owner in self.owners() if label in owner.models), None)

    def exemption_for(self, model: type[Model] | str, field_name: str) -> Exemption | None:
        return self._exemptions.get((model_label(model), field_name))

    def exemptions(self) -> list[Exemption]:
        return sorted(set(self._exemptions.values()), key=lambda item: (item.model, item.fields))


registry = PersonalDataRegistry()
register = registry.register
exempt = registry.exempt


def retention(key: str) -> timedelta:
    """The retention in force for one owner, e.g. retention("outbox_message")."""
    return registry.get(key).retention
