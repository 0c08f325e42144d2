"""View decorators for areas that need a second factor, declared where the views are.

- `mfa_required`: a signed-in user who must use MFA (staff, any role) needs TOTP, used in this
  session; visitors who are not signed in pass to the view, which decides what they may see
  (the admins send them to the sign-in page). The admin includes in portal/urls.py have it.
- `require_mfa`: sign-in required, then as `mfa_required`. For an app's own pages, such as an
  expert's inbox.
- `staff_only`: sign-in required, staff only (anyone else signed in gets 403), and the second
  factor.

The decorator is the gate, as login_required is: it works wherever the view is served, with no
list of paths to keep in step. Each also declares the view a private area
(portal.security.areas) and says so on the view (services.is_mfa_required_path reads it). A
whole include is declared at once with wagtail.utils.urlpatterns.decorate_urlpatterns (in the
app's own urls.py) or portal.security.areas.decorate_include (in portal/urls.py).
"""

from collections.abc import Callable
from functools import wraps
from inspect import iscoroutinefunction

from asgiref.sync import sync_to_async
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from portal.security.areas import PRIVATE_AREA

from . import services

View = Callable[..., HttpResponse]


def _gate(request: HttpRequest) -> HttpResponse | None:
    redirect = services.mfa_gate(request)
    if redirect is not None:
        add_never_cache_headers(redirect)
    return redirect


def mfa_required(view: View) -> View:
    """Signed-in users who must use MFA need TOTP, used in this session, to reach `view`."""
    if iscoroutinefunction(view):

        @wraps(view)
        async def gated_async(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            redirect = await sync_to_async(_gate)(request)
            return redirect if redirect is not None else await view(request, *args, **kwargs)

        gated: View = gated_async
    else:

        @wraps(view)
        def gated_sync(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            redirect = _gate(request)
            return redirect if redirect is not None else view(request, *args, **kwargs)

        gated = gated_sync
    setattr(gated, services.REQUIRES_MFA, True)
    setattr(gated, PRIVATE_AREA, True)
    return gated


def require_mfa(view: View) -> View:
    """Sign-in required; users who must use MFA also need TOTP, used in this session."""
    return login_required(mfa_required(view))


def staff_only(view: View) -> View:
    """Signed-in staff (is_staff) only, with their second factor; anyone else signed in gets 403."""

    @wraps(view)
    def staff_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_mfa(staff_view)
