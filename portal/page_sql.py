"""SQL fragments about pages, for the plain SELECTs that read pages without the ORM
(portal.centre, knowledge.article_lookups): written from the models' metadata, names quoted
by the connection, never a value in the text."""

from django.db.backends.base.base import BaseDatabaseWrapper
from wagtail.models import Page, PageViewRestriction


def no_view_restriction(connection: BaseDatabaseWrapper, alias: str = "p") -> str:
    """A condition true when no view restriction covers the page `alias`: as Wagtail's
    `private_q`, a restricted page's path is the start of the path of every page it covers
    (itself included)."""
    quote = connection.ops.quote_name
    return (
        f"NOT EXISTS (SELECT 1 FROM {quote(PageViewRestriction._meta.db_table)} v"  # noqa: S608 (quoted names only)
        f" INNER JOIN {quote(Page._meta.db_table)} vp ON vp.id = v.page_id"
        f" WHERE SUBSTR({alias}.path, 1, LENGTH(vp.path)) = vp.path)"
    )
