from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.csp import csp_override
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import seo, views
from portal.accounts import views as account_views
from portal.accounts.decorators import mfa_required
from portal.security.areas import decorate_include, never_stored, private_area

# What an area needs is declared on its views (portal/security/areas.py), not listed by path
# in the settings. The admins: the second factor for whoever must use it, and their own CSP
# (they ship inline scripts; only signed-in staff who passed MFA reach them).
ADMIN_AREA = (mfa_required, csp_override(settings.ADMIN_CSP))
# Sign-in, MFA and "my account": codes, secrets and personal data, never stored anywhere (and
# out of a shared computer's back/forward history).
ACCOUNT_AREA = (never_stored, private_area)

urlpatterns = [
    # The admins' own login pages are side doors around MFA and rate limits: send them to allauth.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path(
        "django-admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # Password reset and change go through allauth only (rate limits, notification emails).
    re_path(
        r"^admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
    re_path(
        r"^django-admin/password_change/",
        RedirectView.as_view(pattern_name="account_change_password"),
    ),
    # Signing out of either admin ends the server session through allauth (a GET changes nothing).
    path("admin/logout/", account_views.admin_logout),
    path("django-admin/logout/", account_views.admin_logout),
    path("admin/", decorate_include(include(wagtailadmin_urls), *ADMIN_AREA)),
    path("django-admin/", decorate_include(admin.site.urls, *ADMIN_AREA)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", seo.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", seo.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("favicon.ico", seo.favicon, name="favicon"),
    path("snel-weg/", private_area(views.quick_exit), name="quick_exit"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path(
        "_util/",
        decorate_include(
            include(
                [
                    # Wagtail's front-end login (for pages restricted to signed-in users) is a
                    # plain Django login: no second factor, no rate limit. Send it to allauth,
                    # keeping ?next=.
                    path(
                        "login/",
                        RedirectView.as_view(pattern_name="account_login", query_string=True),
                    ),
                    # Wagtail's shared page password, with a limit on guesses.
                    path(
                        "authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
                        account_views.page_password,
                        name="wagtailcore_authenticate_with_password",
                    ),
                ]
            ),
            private_area,
        ),
    ),
    # Our versions of allauth's TOTP and recovery-code pages (portal/accounts/mfa_views.py).
    path("account/", decorate_include(include("portal.accounts.mfa_urls"), *ACCOUNT_AREA)),
    path("account/", decorate_include(include("allauth.urls"), *ACCOUNT_AREA)),
    path("mijn-account/", decorate_include(include("portal.accounts.urls"), *ACCOUNT_AREA)),
    path("nieuwsbrief/", include("portal.newsletter.urls")),
    path("zoeken/", include("search.urls")),
    path("trainingen/", include("courses.urls")),
    path("expertpool/", include("experts.urls")),
    # Wagtail's page view, routed by portal.routing; Wagtail's own `_util/` views are replaced
    # above, so its URL list is only kept for anything it adds in a later version.
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Failure pages without the database or a trusted Host header (portal/security/error_views.py).
handler400 = "portal.security.error_views.bad_request"
handler500 = "portal.security.error_views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
