"""What crawlers and browsers ask for at the root: robots.txt, favicon.ico and the sitemap.

/sitemap.xml is an index of one sitemap per language (/sitemap-nl.xml, /sitemap-en.xml), which
list every live public page of that language (Wagtail's own lists only the site's root page
tree, which is the Dutch one), each with its translations as hreflang alternates. robots.txt
keeps crawlers out of the admin, the account area and search results (a search result page is
never worth indexing and may echo what someone searched for).
"""

from django.conf import settings
from django.contrib.sitemaps.views import index as django_sitemap_index
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.contrib.staticfiles import finders
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.security.areas import private_path_prefixes

FAVICON = "img/favicon.ico"
SITE_LANGUAGES = {code for code, _name in settings.LANGUAGES}
ONE_DAY = 24 * 60 * 60


class LanguageSitemap(Sitemap):
    """Every live public page of one language under the site's home page (or its translation),
    each with the URLs of its live public translations as alternates
    (`<xhtml:link rel="alternate" hreflang=…>`, and x-default for the site's default language).
    """

    def __init__(self, request: HttpRequest, language_code: str):
        super().__init__(request)
        self.language_code = language_code

    def _in_site(self) -> Q:
        in_site = Q()
        for home in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            in_site |= Q(path__startswith=home.path)
        return in_site

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(self._in_site(), locale__language_code=self.language_code)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _translations(self, pages: list[Page]) -> dict:
        """translation_key -> [(language, full URL)] of the live public pages in the site's
        languages that translate `pages` (this language's included): one query."""
        found: dict = {}
        translations = (
            Page.objects.live()
            .public()
            .filter(self._in_site(), translation_key__in={page.translation_key for page in pages})
            .filter(locale__language_code__in=SITE_LANGUAGES)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for other in translations:
            found.setdefault(other.translation_key, []).append(
                (other.locale.language_code, other.get_full_url(self.request))
            )
        return found

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = self._translations(pages)
        urls = []
        last_mods = set()
        for item in pages:
            for number, url_info in enumerate(item.get_sitemap_urls(self.request)):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
                group = translations.get(item.translation_key, [])
                if number == 0 and len(group) > 1:
                    url_info["alternates"] = _alternates(group)
        # Like Wagtail's: the index's <lastmod> only when every page has one.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _alternates(group: list[tuple[str, str]]) -> list[dict]:
    alternates = [{"lang_code": code, "location": url} for code, url in group]
    default = [a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE]
    if default:
        alternates.append({"lang_code": "x-default", "location": default[0]["location"]})
    return alternates


def _sitemaps(request: HttpRequest) -> dict[str, LanguageSitemap]:
    return {code: LanguageSitemap(request, code) for code, _name in settings.LANGUAGES}


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the index of the per-language sitemaps."""
    return django_sitemap_index(request, _sitemaps(request), sitemap_url_name="sitemap_section")


def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """/sitemap-nl.xml, /sitemap-en.xml: one language's pages; any other name is a 404."""
    return django_sitemap(request, _sitemaps(request), section=section)


def _disallowed_paths() -> list[str]:
    paths = list(private_path_prefixes())  # the admins, the account area, any app's MFA area
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
            paths.append(f"/{code}/_util/")
    paths.append(reverse("quick_exit"))
    return list(dict.fromkeys(paths))


@require_safe
@cache_control(max_age=ONE_DAY, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in _disallowed_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=ONE_DAY, public=True)
def favicon(request: HttpRequest) -> FileResponse:
    """The icon browsers ask for at /favicon.ico without being told, from the static build."""
    path = finders.find(FAVICON)
    if not path:
        raise Http404("No favicon in the static build")
    # FileResponse closes the file when the response is done.
    return FileResponse(open(path, "rb"), content_type="image/x-icon")
