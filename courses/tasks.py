"""Background work of the courses. No personal data travels as a task argument: the task
queue (a database table in production) holds none."""

from django.tasks import task

from .services import certificates


@task()
def send_certificate_reminders() -> int:
    """Email the learners whose certificate expires soon, once each
    (courses/services/certificates.py). Production runs `manage.py send_certificate_reminders`
    from the maintenance timer (`run_maintenance`); this is the same for a task scheduler."""
    return certificates.send_expiry_reminders()
