"""Finding the page an address asks for: Wagtail's routing, in one query for the whole address.

Wagtail's `Page.route` walks down one level at a time, and per level asks for the child with
the next slug and then for that child again as its own page type: an article three levels
down cost six queries before anything was rendered. Every page already stores the address of
its place in the tree (`url_path`, which Wagtail keeps current on every save, rename and move),
so here every level of the address is fetched in one query, and only the page that answers is
loaded as its own type, in a second one.

Both are plain SELECTs (portal.plain_select) built from the models' metadata, with every value
a parameter, and the second reads only the page type's own table: its row of Page's table came
with the first. The objects are the ones the ORM would give (every column, converted as the ORM
converts it), but building and compiling the ORM's queries for some thirty page columns took
longer than SQLite took to answer them: through the ORM, routing an article took 0.8 ms more of
its uncached render (issue 7).

The result is Wagtail's own: each level is the child with that slug, only the last page must
be live, and a page type with a route() of its own (a routable page answering sub-paths) is
handed the rest of the address exactly as `Page.route` would hand it over
(tests/portal/test_routing.py compares both on every demo page). Each page keeps its parent
(treebeard's `_cached_parent_obj`), so breadcrumbs cost no query (portal.navigation).
"""

from functools import cache, lru_cache
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.http import Http404, HttpRequest
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from portal import plain_select
from portal.page_lookups import localized

# Where Wagtail's serve view looks for a route found before it runs (Page.route_for_request).
WAGTAIL_ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


def answers_below(page_class: type[Page] | None) -> bool:
    """Whether pages of this type answer addresses below them in their own way."""
    return page_class is None or page_class.route is not Page.route


def routes_itself(page: Page) -> bool:
    """Whether the page's type answers addresses below it in its own way."""
    return answers_below(page.specific_class)


def _page_columns() -> plain_select.Columns[Page]:
    return plain_select.every_column(Page)


@lru_cache(maxsize=64)
def _levels_select(alias: str, levels: int) -> str:
    """SELECT every column of the pages at `levels` addresses (url_path) below a tree path
    (path LIKE 'the path%'); the addresses and the pattern are parameters."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    url_path, path = (quote(Page._meta.get_field(name).column) for name in ("url_path", "path"))
    marks = ", ".join(["%s"] * levels)
    return (
        f"SELECT {_page_columns().select_list(connection)} FROM {quote(Page._meta.db_table)}"  # noqa: S608 (quoted names; values are parameters)
        f" WHERE {url_path} IN ({marks}) AND {path} LIKE %s"
    )


def _levels(root: Page, addresses: list[str]) -> dict[str, dict]:
    """The rows of the pages below `root` at those addresses (field name: value), by address:
    one plain SELECT."""
    columns = _page_columns()
    sql = _levels_select(router.db_for_read(Page), len(addresses))
    # Tree paths are digits and capitals only: nothing in them is a LIKE wildcard.
    rows = [
        dict(zip(columns.names, values, strict=True))
        for values in columns.rows(sql, [*addresses, f"{root.path}%"])
    ]
    return {row["url_path"]: row for row in rows}


def _as_page(row: dict) -> Page:
    return Page.from_db(router.db_for_read(Page), _page_columns().names, list(row.values()))


@cache
def _own_columns(page_class: type[Page]) -> plain_select.Columns:
    """The columns of the page type's own table (what its page has beyond Page's)."""
    return plain_select.Columns(
        page_class,
        [field for field in page_class._meta.concrete_fields if field.model is page_class],
    )


@cache
def _own_select(page_class: type[Page], alias: str) -> str:
    """SELECT the page type's own columns of one page, its key a parameter."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    return (
        f"SELECT {_own_columns(page_class).select_list(connection)}"  # noqa: S608 (quoted names; the key is a parameter)
        f" FROM {quote(page_class._meta.db_table)} WHERE {quote(page_class._meta.pk.column)} = %s"
    )


def _as_own_type(row: dict, page_class: type[Page] | None) -> Page:
    """The page of `row` (its row of Page's table) as its own type: what `page.specific`
    gives, with the columns of the type's own table read in one plain SELECT."""
    if page_class is None or page_class._meta.proxy or set(page_class._meta.parents) != {Page}:
        # Page itself, a type no longer in the code, or a type whose table hangs below another
        # page type's: Wagtail's way (no query for the first two).
        return _as_page(row).specific
    own = _own_columns(page_class)
    alias = router.db_for_read(page_class)
    found = own.rows(_own_select(page_class, alias), [row["id"]])
    if not found:
        raise page_class.DoesNotExist
    values = row | dict(zip(own.names, found[0], strict=True))
    names = plain_select.every_column(page_class).names
    return page_class.from_db(alias, names, [values[name] for name in names])


def route(root: Page, request: HttpRequest, path_components: list[str]) -> RouteResult:
    """What `root.specific.route(request, path_components)` returns; raises Http404 alike."""
    if not path_components or routes_itself(root):
        return root.specific.route(request, path_components)
    addresses = list(
        accumulate(path_components, lambda above, slug: f"{above}{slug}/", initial=root.url_path)
    )[1:]
    found = _levels(root, addresses)
    parent = root
    for level, address in enumerate(addresses, start=1):
        row = found.get(address)
        if row is None:
            raise Http404
        page_class = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        rest = path_components[level:]
        # Each page keeps its parent: no query for it later (breadcrumbs, get_parent()).
        if not rest or answers_below(page_class):
            page = _as_own_type(row, page_class)
            page._cached_parent_obj = parent
            return page.route(request, rest)
        page = _as_page(row)
        page._cached_parent_obj = parent
        parent = page
    raise Http404  # not reached: the last address has no rest


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """As Wagtail's `Page.route_for_request`, through `route` above: the site's home page in
    the request's language, then the address below it. None when nothing answers."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        return route(
            localized(site.root_page, request), request, [part for part in path.split("/") if part]
        )
    except Http404:
        return None


def remember_route(request: HttpRequest, path: str) -> None:
    """Find the route before Wagtail's serve view runs; it uses a route it finds on the
    request instead of looking again."""
    if not hasattr(request, WAGTAIL_ROUTE_ATTRIBUTE):
        setattr(request, WAGTAIL_ROUTE_ATTRIBUTE, route_for_request(request, path))
