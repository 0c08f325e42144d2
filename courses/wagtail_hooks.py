"""The courses' doors into the portal: a link to "my courses" on the account page."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from portal.accounts.links import ACCOUNT_LINKS_HOOK, AccountLink


@hooks.register(ACCOUNT_LINKS_HOOK)
def my_courses_link(request: HttpRequest) -> AccountLink:
    return AccountLink(_("My courses"), reverse("courses:my_learning"))
