"""What the knowledge base's filtered listings (the index, the downloads page) share."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class UnstoredMadeUpListingMixin:
    """For a page whose context has a `listing` with a `storable` flag: a listing asked for
    with a made-up filter value or page number is answered, but the page cache keeps no copy
    (a crawler's inventions must not fill the cache)."""

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        listing = getattr(response, "context_data", {}).get("listing")
        if listing is not None and not listing.storable:
            patch_cache_control(response, no_cache=True, max_age=0)
        return response
