"""The one place where every model holding personal data says how to export, erase and expire it.

Each app registers its owners in its AppConfig.ready(); the account pages, the data download and
`manage.py purge_expired_data` go through this registry only, so a new app cannot forget a step:
registering requires all three.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from portal.accounts.models import User

Exporter = Callable[["User"], list[dict[str, Any]]]
Eraser = Callable[["User"], int]
Purger = Callable[[datetime], int]


@dataclass(frozen=True)
class PersonalDataOwner:
    """A kind of personal data: what it is, and how to export, erase and expire it.

    key        stable identifier, also the section name in a user's data export
    label      what the user sees in their export and on the privacy pages
    exporter   returns the user's records as JSON-ready dicts
    eraser     deletes or anonymises the user's records; returns how many were touched
    retention  how long records are kept after `purger`'s reference date
    purger     deletes or anonymises records older than the given cut-off; returns a count
    """

    key: str
    label: str
    exporter: Exporter
    eraser: Eraser
    retention: timedelta
    purger: Purger


class PersonalDataRegistry:
    def __init__(self) -> None:
        self._owners: dict[str, PersonalDataOwner] = {}

    def register(self, owner: PersonalDataOwner) -> PersonalDataOwner:
        if owner.key in self._owners and self._owners[owner.key] != owner:
            raise ValueError(f"Personal data owner {owner.key!r} is registered twice.")
        self._owners[owner.key] = owner
        return owner

    def owners(self) -> list[PersonalDataOwner]:
        return sorted(self._owners.values(), key=lambda owner: owner.key)

    def get(self, key: str) -> PersonalDataOwner:
        return self._owners[key]


registry = PersonalDataRegistry()
register = registry.register
