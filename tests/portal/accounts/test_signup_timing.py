"""Issue 5, item 4: sign-up takes as long for a taken address as for a new one.

It used to answer in about 0.1 s for a known address against 0.9-1.6 s for a new one: a new
account hashes the password (production's PBKDF2, deliberately slow), a taken address did not.

Two tests. The first proves the cause is gone: with production's hasher, both paths hash the
password once and queue one email. It counts work, not seconds, so it cannot flake on a loaded
CI machine. The second measures what an attacker measures, with a generous tolerance: medians of
interleaved runs (so load hits both paths alike), and the taken address must take at least half
as long as the new one (it used to take a tenth).
"""

import statistics
import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from portal.mail.models import OutboxMessage

from .hashers import CountingPBKDF2PasswordHasher
from .test_entrance import _sign_up


@pytest.fixture
def counting_production_hasher(settings):
    settings.PASSWORD_HASHERS = [
        "tests.portal.accounts.hashers.CountingPBKDF2PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]
    assert CountingPBKDF2PasswordHasher.iterations == PBKDF2PasswordHasher.iterations


def test_a_taken_address_does_the_same_work_as_a_new_one(
    client, user, counting_production_hasher, outbox_email, django_capture_on_commit_callbacks
):
    work = {}
    for label, email in (("taken", user.email), ("new", "nieuw@example.org")):
        client.cookies.clear()
        CountingPBKDF2PasswordHasher.calls = 0
        OutboxMessage.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=False):
            response = _sign_up(client, email)
        assert response.status_code == 302
        work[label] = {
            "password hashes": CountingPBKDF2PasswordHasher.calls,
            "emails queued": OutboxMessage.objects.count(),
        }

    assert work["taken"] == work["new"] == {"password hashes": 1, "emails queued": 1}


def test_a_taken_address_answers_about_as_slowly_as_a_new_one(client, user, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    durations: dict[str, list[float]] = {"taken": [], "new": []}
    for run in range(4):
        for label, email in (("taken", user.email), ("new", f"nieuw{run}@example.org")):
            client.cookies.clear()
            started = time.perf_counter()
            response = _sign_up(client, email, REMOTE_ADDR=f"203.0.113.{run}")
            durations[label].append(time.perf_counter() - started)
            assert response.status_code == 302

    taken, new = (statistics.median(durations[label]) for label in ("taken", "new"))
    assert taken >= 0.5 * new, f"taken {taken:.3f}s, new {new:.3f}s"
