"""Background work of the expert pool: one task per kind of message
(experts/services/messages.py). Arguments are ids and message kinds, never personal data."""

from django.tasks import task

from .services import messages, requests


@task()
def send_requester_message(kind: str, request_id: int) -> bool:
    return messages.send_requester_message(kind, request_id)


@task()
def send_expert_message(kind: str, invitation_id: int) -> bool:
    return messages.send_expert_message(kind, invitation_id)


@task()
def send_aftercare_message(request_id: int) -> bool:
    return messages.send_aftercare_message(request_id)


@task()
def send_coordinator_message(kind: str, request_id: int) -> bool:
    return messages.send_coordinator_message(kind, request_id)


@task()
def send_pool_notice(kind: str, expert_id: int) -> bool:
    return messages.send_pool_notice(kind, expert_id)


@task()
def complete_past_sessions() -> int:
    return requests.complete_past_sessions()
