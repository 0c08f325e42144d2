"""What crawlers and browsers ask for at the root: robots.txt, favicon.ico and the sitemap.

The sitemap lists every live public page of every language (Wagtail's own lists only the
site's root page tree, which is the Dutch one), each with its translations as hreflang
alternates. robots.txt keeps crawlers out of the admin, the account area and search results
(a search result page is never worth indexing and may echo what someone searched for).
"""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.contrib.staticfiles import finders
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from portal.security.areas import private_path_prefixes

FAVICON = "img/favicon.ico"
SITE_LANGUAGES = {code for code, _name in settings.LANGUAGES}
ONE_DAY = 24 * 60 * 60


class BilingualSitemap(Sitemap):
    """Every live public page under the site's home page and its translations, with the URLs
    of its translations as alternates (`<xhtml:link rel="alternate" hreflang=…>`)."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for home in homes:
            in_site |= Q(path__startswith=home.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_site)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls = []
        last_mods = set()
        # Each page's first URL, grouped by translation: the alternates of one another.
        translations: dict = {}
        for item in self.paginator.page(page).object_list:
            for number, url_info in enumerate(item.get_sitemap_urls(self.request)):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
                if number == 0 and languages.get(item.locale_id) in SITE_LANGUAGES:
                    group = translations.setdefault(item.translation_key, [])
                    group.append((languages[item.locale_id], url_info))
        for group in translations.values():
            if len(group) < 2:
                continue
            alternates = [{"lang_code": code, "location": info["location"]} for code, info in group]
            default = [a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE]
            if default:
                alternates.append({"lang_code": "x-default", "location": default[0]["location"]})
            for _code, info in group:
                info["alternates"] = alternates
        # Like Wagtail's: the index's <lastmod> only when every page has one.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request: HttpRequest) -> HttpResponse:
    return django_sitemap(request, {"pages": BilingualSitemap(request)})


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
