"""Background delivery of outbox messages.

Only the message id travels as a task argument: the task queue (a database table in
production) must never hold addresses or message text.
"""

from django.tasks import task

from . import delivery


@task()
def deliver_outbox_message(message_id: int) -> bool:
    return delivery.deliver(message_id)
