"""Which fields of our models hold personal data, and whether an owner or an exemption covers them.

tests/portal/privacy/test_contract.py runs this over every model of the project's own apps
(portal, its sub-apps, the domain apps, apps under tests/; not the installed libraries). A field
the model itself declares counts as personal data when it is

- a relation to the user model (foreign key, one-to-one, many-to-many),
- an IP address: a GenericIPAddressField,
- or a text field (CharField, TextField and their kinds) that holds
  - an email address: an EmailField, or a name containing "email";
  - a person's name: `name`, `*_name`, `surname`, `initials`, `nickname`, `pseudonym`,
    `username` (a page's `title` is none);
  - a phone number: `phone`, `*_phone`, `phone_*`, `telephone`, `mobile`;
  - an IP address: `ip`, `*_ip`, `ip_*`;
  - free text that may come from the public: any TextField on a model that editors do not
    write, so on anything but pages, snippets, site settings and the inline rows of those.

A model is covered when a registered owner names it in `models=`; a field is exempt when the
app's privacy.py exempts it with a reason. Some fields this finds are not personal (a label's
name, the Centre's own address): that is what exemptions are for, and the reason stays next to
the owners for the next reader.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from portal.project_apps import project_app_configs

from .registry import PersonalDataRegistry, model_label, registry

_PERSON_NAME = re.compile(r"^(name|.+_name|surname|initials|nickname|pseudonym|username)$")
_PHONE = re.compile(r"^(phone|.+_phone|phone_.+|telephone|mobile)$")
_IP = re.compile(r"^(ip|.+_ip|ip_.+)$")


@dataclass(frozen=True)
class PersonalField:
    model: str  # lower-case label, "advice.advicequestion"
    field: str
    kind: str  # "user", "email", "name", "phone", "ip" or "free text"

    def __str__(self) -> str:
        return f"{self.model}.{self.field} ({self.kind})"


def project_models() -> list[type[models.Model]]:
    return [model for config in project_app_configs() for model in config.get_models()]


def _is_user_model(target) -> bool:
    label = target if isinstance(target, str) else target._meta.label
    return label.lower() == settings.AUTH_USER_MODEL.lower()


def _written_by_editors(model: type[models.Model]) -> bool:
    if issubclass(model, (Page, BaseSiteSetting, BaseGenericSetting)):
        return True
    if model in get_snippet_models():
        return True
    # An inline row (an orderable with a ParentalKey) of something editors write.
    return any(
        isinstance(field, ParentalKey)
        and not isinstance(field.remote_field.model, str)
        and _written_by_editors(field.remote_field.model)
        for field in model._meta.local_fields
    )


def _kind(model: type[models.Model], field: models.Field) -> str | None:
    name = field.name.lower()
    if field.is_relation and field.remote_field is not None:
        return "user" if _is_user_model(field.remote_field.model) else None
    if isinstance(field, models.GenericIPAddressField):
        return "ip"
    if not isinstance(field, (models.CharField, models.TextField)):
        return None  # a flag like `email_consent` holds no address
    if isinstance(field, models.EmailField) or "email" in name:
        return "email"
    if _IP.match(name):
        return "ip"
    if _PERSON_NAME.match(name):
        return "name"
    if _PHONE.match(name):
        return "phone"
    if isinstance(field, models.TextField) and not _written_by_editors(model):
        return "free text"
    return None


def personal_fields(model: type[models.Model]) -> list[PersonalField]:
    """The fields this model itself declares that look like personal data.

    Only its own fields: what a concrete parent (wagtailcore.Page's owner, say) declares is
    judged on the parent, which is not ours.
    """
    own = [*model._meta.local_fields, *model._meta.local_many_to_many]
    return [
        PersonalField(model_label(model), field.name, kind)
        for field in own
        if (kind := _kind(model, field)) is not None
    ]


def uncovered(
    models_to_check: Iterable[type[models.Model]], owners: PersonalDataRegistry = registry
) -> list[PersonalField]:
    """Personal fields that no owner covers and no exemption explains."""
    return [
        found
        for model in models_to_check
        if owners.owner_of(model) is None
        for found in personal_fields(model)
        if owners.exemption_for(model, found.field) is None
    ]


def stale_declarations(owners: PersonalDataRegistry = registry) -> list[str]:
    """Owners naming models that do not exist, exemptions of fields that are not personal."""
    problems = []
    for owner in owners.owners():
        for label in owner.models:
            try:
                apps.get_model(label)
            except (LookupError, ValueError):
                problems.append(f"owner {owner.key!r} names {label!r}, which is no model")
    for exemption in owners.exemptions():
        try:
            model = apps.get_model(exemption.model)
        except (LookupError, ValueError):
            problems.append(f"exemption of {exemption.model!r}, which is no model")
            continue
        flagged = {found.field for found in personal_fields(model)}
        for name in exemption.fields:
            if name not in flagged:
                problems.append(
                    f"exemption of {exemption.model}.{name}, which holds nothing personal"
                )
    return problems
