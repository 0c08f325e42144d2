"""The history of a request: every change of state is written here, with who did it."""

from django.contrib.auth.base_user import AbstractBaseUser

from ..records import Actor, RequestEvent, SessionRequest


def record(
    request: SessionRequest,
    actor: Actor,
    description: str,
    *,
    user: AbstractBaseUser | None = None,
) -> RequestEvent:
    """Append an entry for the request's current status. `description` is shown to
    coordinators in the admin; it never names the expert's real name for the requester (the
    status page shows only the requester's own and the coordinators' public steps)."""
    return RequestEvent.objects.create(
        request=request,
        actor=actor,
        user=user if user is not None and user.is_authenticated else None,
        status=request.status,
        description=description[:300],
    )
