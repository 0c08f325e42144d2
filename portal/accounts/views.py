"""Account pages (overview, data download, deletion) and doors we put behind allauth.

The doors: the admins' sign-out and Wagtail's page passwords. Thin: services do the work.
"""

import json

from allauth.account import views as allauth_views
from allauth.core.ratelimit import consume_or_429
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail import views as wagtail_views

from . import services
from .forms import DeleteAccountForm
from .links import account_links


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    context = {
        "has_totp": services.has_totp(request.user),
        "app_links": account_links(request),
    }
    return render(request, "accounts/overview.html", context)


@login_required
@require_GET
def download_data(request: HttpRequest) -> HttpResponse:
    data = services.export_account(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    # A neutral file name: it may end up in a shared Downloads folder.
    response["Content-Disposition"] = 'attachment; filename="steiger-gegevens.json"'
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        # Sign out first: the session must not outlive the account it belongs to.
        logout(request)
        services.delete_account(user)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})


@require_http_methods(["GET", "POST"])
def admin_logout(request: HttpRequest) -> HttpResponse:
    """The Wagtail and Django admins' sign-out doors, through allauth's own sign-out.

    Wagtail's answered a GET with 405 yet deleted the cookie, leaving the session valid on the
    server. Here a POST (the admins' sign-out buttons) ends the session like allauth's page does;
    a GET changes nothing and goes to allauth's page, which asks to confirm.
    """
    if request.method == "POST":
        return allauth_views.logout(request)
    return redirect("account_logout")


@require_http_methods(["GET", "POST"])
def page_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Wagtail's form for a page's shared password, with a limit on guesses.

    Wagtail's own accepts unlimited guesses. Counted per visitor and per restricted page (so
    rotating addresses does not help much), with allauth's limiter: ACCOUNT_RATE_LIMITS
    ["page_password"], answered with 429 and Retry-After.
    """
    if request.method == "POST":
        limited = consume_or_429(
            request, action="page_password", key=f"page-password:{page_view_restriction_id}"
        )
        if limited is not None:
            return limited
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
