"""Finding the page an address asks for: Wagtail's routing, in one query for the whole address.

Wagtail's `Page.route` walks down one level at a time, and per level asks for the child with
the next slug and then for that child again as its own page type: an article three levels
down cost six queries before anything was rendered. Every page already stores the address of
its place in the tree (`url_path`, which Wagtail keeps current on every save, rename and move),
so here every level of the address is fetched in one query, and only the page that answers is
loaded as its own type (`.specific`).

The result is Wagtail's own: each level is the child with that slug, only the last page must
be live, and a page type with a route() of its own (a routable page answering sub-paths) is
handed the rest of the address exactly as `Page.route` would hand it over
(tests/portal/test_routing.py compares both on every demo page). Each page keeps its parent
(treebeard's `_cached_parent_obj`), so breadcrumbs cost no query (portal.navigation).
"""

from itertools import accumulate

from django.http import Http404, HttpRequest
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

# Where Wagtail's serve view looks for a route found before it runs (Page.route_for_request).
WAGTAIL_ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


def routes_itself(page: Page) -> bool:
    """Whether the page's type answers addresses below it in its own way."""
    page_class = page.specific_class
    return page_class is None or page_class.route is not Page.route


def route(root: Page, request: HttpRequest, path_components: list[str]) -> RouteResult:
    """What `root.specific.route(request, path_components)` returns; raises Http404 alike."""
    if not path_components or routes_itself(root):
        return root.specific.route(request, path_components)
    addresses = list(
        accumulate(path_components, lambda above, slug: f"{above}{slug}/", initial=root.url_path)
    )[1:]
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=addresses, path__startswith=root.path)
    }
    parent = root
    for level, address in enumerate(addresses, start=1):
        page = found.get(address)
        if page is None:
            raise Http404
        page._cached_parent_obj = parent  # kept by .specific: no query for the parent later
        rest = path_components[level:]
        if not rest or routes_itself(page):
            return page.specific.route(request, rest)
        parent = page
    raise Http404  # not reached: the last address has no rest


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """As Wagtail's `Page.route_for_request`, through `route` above: the site's home page in
    the request's language, then the address below it. None when nothing answers."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        return route(site.root_page.localized, request, [part for part in path.split("/") if part])
    except Http404:
        return None


def remember_route(request: HttpRequest, path: str) -> None:
    """Find the route before Wagtail's serve view runs; it uses a route it finds on the
    request instead of looking again."""
    if not hasattr(request, WAGTAIL_ROUTE_ATTRIBUTE):
        setattr(request, WAGTAIL_ROUTE_ATTRIBUTE, route_for_request(request, path))
