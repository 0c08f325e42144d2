"""Gone is gone: the address of an unpublished or deleted page answers 410, helpfully.

When a public page of any app is unpublished (by hand or because it expired) or deleted, its
address is remembered (models.GonePage, with its title and themes). A later request for that
address gets "this page is no longer available" with status 410, the search box and the page's
themes, instead of a bare 404: old links and bookmarks of residents and professionals lead
somewhere useful, and search engines drop the address quickly. Publishing a page at the address
again forgets it.

`GonePageMiddleware` sits just above Wagtail's RedirectMiddleware, so a redirect an editor set
up for the old address still wins: only a 404 that no redirect turned into something else
becomes a 410.
"""

from collections.abc import Callable, Iterable

from django.db.models.signals import post_delete, pre_delete
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from portal.models import GonePage, Theme


def _address(page: Page) -> tuple[int, str] | None:
    """(site id, path) where `page` is served, or None when it is served nowhere."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    site_id, _root_url, path = parts
    return site_id, path


def _theme_ids(page: Page) -> list[int]:
    themes = getattr(page.specific_deferred, "themes", None)
    return list(themes.values_list("pk", flat=True)) if themes is not None else []


def remember(pages: Iterable[Page]) -> None:
    """Record the addresses of `pages`, which stopped being public.

    A page behind a password or a sign-in was never public: its title is not for everyone, so
    its address answers 404 as before.
    """
    for page in pages:
        if page.get_view_restrictions().exists():
            continue
        address = _address(page)
        if address is None:
            continue
        site_id, path = address
        GonePage.objects.update_or_create(
            site_id=site_id,
            path=path,
            defaults={
                "title": page.title[:255],
                "locale_id": page.locale_id,
                "theme_ids": _theme_ids(page),
            },
        )


def forget(page: Page) -> None:
    """A page is public at this address again."""
    address = _address(page)
    if address is not None:
        GonePage.objects.filter(site_id=address[0], path=address[1]).delete()


def _unpublished(sender, instance: Page, **kwargs) -> None:
    remember([instance])


def _published(sender, instance: Page, **kwargs) -> None:
    forget(instance)


def _deleted(sender, instance: Page, **kwargs) -> None:
    # Deleting a page deletes its descendants too; each is sent here. Only what visitors could
    # see leaves an address behind.
    if instance.live and not instance.is_root():
        remember([instance])


def _site_deleted(sender, instance: Site, **kwargs) -> None:
    GonePage.objects.filter(site_id=instance.pk).delete()


def connect_receivers() -> None:
    """Called once, from PortalConfig.ready."""
    post_delete.connect(_site_deleted, sender=Site, dispatch_uid="gone-page-site-deleted")
    page_unpublished.connect(_unpublished, dispatch_uid="gone-page-unpublished")
    page_published.connect(_published, dispatch_uid="gone-page-published")
    pre_delete.connect(_deleted, sender=Page, dispatch_uid="gone-page-deleted")


def gone_response(request: HttpRequest) -> HttpResponse | None:
    """The 410 page for a gone address of this site, or None."""
    # PostgreSQL refuses a NUL in a text comparison; no page address ever holds one.
    if "\x00" in request.path:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    gone = GonePage.objects.filter(site=site, path=request.path).select_related("locale").first()
    if gone is None:
        return None
    themes = Theme.objects.filter(pk__in=gone.theme_ids, locale=gone.locale).order_by("name")
    response = TemplateResponse(
        request, "410.html", {"gone": gone, "themes": list(themes)}, status=410
    )
    # Gone may be undone by publishing again: no browser or proxy keeps the 410.
    add_never_cache_headers(response)
    return response


class GonePageMiddleware:
    """Turn the 404 of a gone page's address into the 410 page (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        gone = gone_response(request)
        if gone is None:
            return response
        gone.render()
        return gone
