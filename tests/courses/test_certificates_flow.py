"""Certificates end to end (courses/services/certificates.py, courses/certificates/views.py):
asked for on completion only, under the name typed; downloaded again by their owner only;
verified by anyone with the code, showing what the certificate shows and nothing more; expiry
reminders; the personal data registry; hostile input.

Asking for a certificate sends the browser on to its download address (post/redirect/get),
which renders the PDF with the real renderer (about 0.3 s each). The `rendered_certificates`
fixture only listens in: it records what the views asked to render and passes the call on.
"""

import datetime
import re
from decimal import Decimal
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import user_logged_in
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from courses import codes
from courses.certificates import views as certificate_views
from courses.certificates.data import certificate_data
from courses.certificates.pdf import certificate_html
from courses.factories import CoursePageFactory, LessonPageFactory
from courses.models import Certificate, Learner, LessonPage, LessonProgress
from courses.services import certificates, learning
from courses.tasks import send_certificate_reminders
from portal.accounts.factories import UserFactory
from portal.privacy import registry
from portal.privacy.services import erase_user_data
from tests.portal.test_hostile_input import (
    assert_no_server_error,
    encode,
    fresh_client,
    hostile_text,
)

COOKIE = learning.LEARNER_COOKIE
VERIFY = "/nl/trainingen/certificaat/controleren/"
DOWNLOAD = "/nl/trainingen/certificaat/downloaden/"
CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}")


@pytest.fixture
def rendered_certificates(monkeypatch):
    """What the views asked to render, in order; the real renderer still renders it."""
    rendered = []
    real_render = certificate_views.render_certificate_pdf

    def render(data):
        rendered.append(data)
        return real_render(data)

    monkeypatch.setattr(certificate_views, "render_certificate_pdf", render)
    return rendered


def learner_of(client: Client) -> Learner:
    code = client.cookies[COOKIE].value
    return Learner.objects.get(code_digest=codes.code_digest(code, codes.Purpose.RESUME))


def started(course, client: Client | None = None) -> Client:
    client = client or Client()
    client.post("/nl/trainingen/starten/", {"training": course.pk})
    return client


def completed(course, client: Client | None = None) -> Client:
    """A browser whose anonymous learner completed every lesson of `course`."""
    client = started(course, client)
    learner = learner_of(client)
    for lesson in LessonPage.objects.child_of(course):
        learning.complete_lesson(learner, lesson)
    return client


def claim(client: Client, course, name: str = "Anna de Vries"):
    """The certificate form on the course page, sent."""
    return client.post(course.url, {"certificaat": "1", "name": name})


def issued(course, name: str = "Anna de Vries") -> tuple[Client, Certificate]:
    client = completed(course)
    response = claim(client, course, name)
    assert response.status_code == 303, response.status_code
    certificate = Certificate.objects.get(learner=learner_of(client), course=course)
    assert response["Location"] == f"{DOWNLOAD}{certificate.pk}/"
    return client, certificate


# --- Asking for the certificate ---------------------------------------------------------------


def test_only_a_learner_who_completed_the_course_gets_a_certificate(course, rendered_certificates):
    client = started(course)
    learning.complete_lesson(learner_of(client), LessonPage.objects.child_of(course).first())

    page = client.get(course.url).text
    response = claim(client, course)

    assert "Uw certificaat" not in page and "Naam op het certificaat" not in page
    assert response.status_code == 302 and response["Location"] == course.url
    # Not an error about the name on a page that shows no form: the course page, where it says
    # how far they got.
    assert claim(client, course, "").status_code == 302
    # Nobody at all: the same.
    assert claim(Client(), course).status_code == 302
    assert not Certificate.objects.exists() and not rendered_certificates


def test_the_completed_course_asks_for_the_name_and_answers_with_the_pdf(course):
    client = completed(course)
    page = client.get(course.url)

    assert "Uw certificaat" in page.text
    assert '<label class="utrecht-form-label" for="id_name">Naam op het certificaat' in page.text
    assert "Certificaat downloaden (PDF)" in page.text
    assert "no-cache" in page["Cache-Control"]

    claimed = claim(client, course, "  Anna   de\u00a0Vries ")
    response = client.get(claimed["Location"])

    assert claimed.status_code == 303
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="certificaat.pdf"'
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    certificate = Certificate.objects.get()
    assert certificate.learner_name == "Anna de Vries"
    assert CODE.fullmatch(certificate.code)
    # What the PDF prints (its text is compressed glyphs: read the HTML it is made from).
    html = certificate_html(certificate_data(certificate))
    assert "Anna de Vries" in html and "Signalen van kindermishandeling" in html
    assert certificate.code in html
    assert f"http://testserver/nl/trainingen/certificaat/controleren/{certificate.code}/" in html


def test_once_issued_the_course_page_offers_the_download_and_the_code(
    course, rendered_certificates
):
    client, certificate = issued(course)

    html = client.get(course.url).text

    assert f'href="{DOWNLOAD}{certificate.pk}/" download>' in html
    assert certificate.code in html
    assert f"/nl/trainingen/certificaat/controleren/{certificate.code}/" in html
    assert 'value="Anna de Vries"' in html  # the correction form starts from the name
    # Someone else, even on the same course, sees none of it.
    other = Client().get(course.url).text
    assert certificate.code not in other and "Anna de Vries" not in other


def test_what_was_printed_is_kept_when_the_course_changes(catalogue, rendered_certificates):
    course = CoursePageFactory(
        parent=catalogue,
        slug="meldcode",
        title="Meldcode opfrissen",
        duration_minutes=90,
        accreditation_register="SKJ",
        accreditation_id="SKJ-2026-04711",
        accreditation_points=Decimal("2.5"),
        certificate_validity_months=12,
    )
    LessonPageFactory(parent=course, slug="les")
    _client, certificate = issued(course)
    today = timezone.localdate()

    assert certificate.completed_on == today
    assert certificate.valid_until == certificates.add_months(today, 12) - datetime.timedelta(1)
    assert (certificate.hours, certificate.accreditation_points) == (Decimal("1.5"), Decimal("2.5"))
    course.title = "Meldcode, nieuwe versie"
    course.accreditation_points = Decimal("4")
    course.save_revision().publish()

    html = Client().get(f"{VERIFY}{certificate.code}/").text
    for shown in ("Meldcode opfrissen", "1,5 uur", "SKJ-2026-04711", "2,5", "Geldig tot en met"):
        assert shown in html
    assert "nieuwe versie" not in html


def test_asking_again_gives_the_same_certificate_and_a_new_name_a_new_code(
    course, rendered_certificates
):
    client, first = issued(course)
    Certificate.objects.filter(pk=first.pk).update(
        completed_on=datetime.date(2026, 1, 5), valid_until=datetime.date(2027, 1, 4)
    )

    assert claim(client, course, "Anna de Vries").status_code == 303
    assert Certificate.objects.get().code == first.code

    assert claim(client, course, "Anna de Vries-Jansen").status_code == 303

    second = Certificate.objects.get()
    assert second.learner_name == "Anna de Vries-Jansen" and second.code != first.code
    # A corrected name renews nothing.
    assert (second.completed_on, second.valid_until) == (
        datetime.date(2026, 1, 5),
        datetime.date(2027, 1, 4),
    )
    # The old print no longer verifies.
    assert Client().get(f"{VERIFY}{first.code}/").status_code == 404
    # Only the new one downloads, under the new name.
    assert client.get(f"{DOWNLOAD}{first.pk}/").status_code == 404
    assert client.get(f"{DOWNLOAD}{second.pk}/").status_code == 200
    assert [data.learner_name for data in rendered_certificates] == ["Anna de Vries-Jansen"]


def test_pdfs_are_rate_limited_per_ip_and_the_name_is_kept(course, rendered_certificates, settings):
    settings.COURSES_CERTIFICATE_PDF_RATE_LIMIT = "2/m/ip"
    client, certificate = issued(course)  # one
    assert client.get(f"{DOWNLOAD}{certificate.pk}/").status_code == 200  # two

    refused = claim(client, course, "Anna de Vries-Jansen")
    again = client.get(f"{DOWNLOAD}{certificate.pk}/")

    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Vanaf uw verbinding zijn in korte tijd veel certificaten opgevraagd." in refused.text
    assert 'value="Anna de Vries-Jansen"' in refused.text
    assert again.status_code == 429 and "veel certificaten gedownload" in again.text
    assert (
        Certificate.objects.get().learner_name == "Anna de Vries"
        and len(rendered_certificates) == 1
    )


# --- Downloading it again: the owner only -------------------------------------------------------


def test_the_owner_downloads_again_and_anyone_elses_number_is_not_found(
    course, rendered_certificates
):
    client, certificate = issued(course)
    url = f"{DOWNLOAD}{certificate.pk}/"

    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert rendered_certificates[-1].learner_name == "Anna de Vries"
    assert response["Content-Type"] == "application/pdf"

    someone_else = completed(course)  # another learner of the same course
    signed_in = Client()
    signed_in.force_login(UserFactory())
    for stranger in (someone_else, signed_in, Client()):
        refused = stranger.get(url)
        assert refused.status_code == 404
        assert "Anna" not in refused.text and certificate.code not in refused.text
        assert refused["Content-Type"].startswith("text/html")
    for number in (certificate.pk + 1, 0, 10**30):
        assert client.get(f"{DOWNLOAD}{number}/").status_code == 404
    assert len(rendered_certificates) == 1  # the owner's download


def sign_in(client: Client, user, rf) -> None:
    request = rf.get("/")
    request.COOKIES[COOKIE] = client.cookies[COOKIE].value
    request.user = user
    user_logged_in.send(sender=type(user), request=request, user=user)


def test_a_certificate_goes_along_when_the_learner_signs_in(course, rendered_certificates, rf):
    client, certificate = issued(course)
    user = UserFactory()
    learning.adopt(user, Learner.objects.create(code_digest="x" * 64))  # the user's own learner

    sign_in(client, user, rf)

    certificate.refresh_from_db()
    assert certificate.learner == Learner.objects.get(user=user)


def test_signing_in_keeps_the_accounts_certificate_and_the_other_still_verifies(
    course, rendered_certificates, rf
):
    user = UserFactory()
    first, mine = issued(course, "Anna de Vries")
    sign_in(first, user, rf)
    second, other = issued(course, "A. de Vries")

    sign_in(second, user, rf)

    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.learner == Learner.objects.get(user=user) and other.learner is None
    assert Client().get(f"{VERIFY}{other.code}/").status_code == 200


# --- Verifying: anyone with the code --------------------------------------------------------------


def test_a_valid_code_shows_exactly_what_the_certificate_shows(course, rendered_certificates):
    client, certificate = issued(course)
    resume_code = client.cookies[COOKIE].value

    response = Client().get(f"{VERIFY}{certificate.code}/")

    html = response.text
    assert response.status_code == 200
    assert "Dit certificaat is echt." in html
    today = timezone.localdate()
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"]
    months += ["september", "oktober", "november", "december"]
    date = f"{today.day} {months[today.month - 1]} {today.year}"
    for shown in ("Anna de Vries", "Signalen van kindermishandeling", date, "0,75 uur"):
        assert shown in html
    assert certificate.code in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    # Nothing beyond the certificate: no resume code, no link to the course, no learner number.
    assert resume_code not in html
    assert course.url not in html
    assert f"/downloaden/{certificate.pk}/" not in html
    assert "Geldig tot en met" not in html  # this one does not expire


def test_an_expired_certificate_is_renewed_by_taking_the_course_again(
    course, rendered_certificates
):
    client, first = issued(course)
    a_year_ago = timezone.now() - datetime.timedelta(days=400)
    LessonProgress.objects.update(completed_at=a_year_ago)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Certificate.objects.filter(pk=first.pk).update(
        completed_on=a_year_ago.date(), issued_on=a_year_ago.date(), valid_until=yesterday
    )
    assert "Training opnieuw doen" in client.get(course.url).text

    response = client.post(course.url, {"opnieuw": "1"})

    first_lesson = LessonPage.objects.child_of(course).order_by("path").first()
    assert response.status_code == 303 and response["Location"] == first_lesson.url
    assert not LessonProgress.objects.filter(learner=learner_of(client)).exists()
    assert "Training afgerond" not in client.get(course.url).text
    # Meanwhile the certificate someone holds still verifies (as expired).
    assert Client().get(f"{VERIFY}{first.code}/").status_code == 200

    completed(course, client)
    assert claim(client, course, "Anna de Vries").status_code == 303

    renewed = Certificate.objects.get()
    assert renewed.code != first.code
    assert renewed.completed_on == timezone.localdate() > a_year_ago.date()
    assert Client().get(f"{VERIFY}{first.code}/").status_code == 404
    assert Client().get(f"{VERIFY}{renewed.code}/").status_code == 200


def test_a_certificate_far_from_expiry_cannot_be_restarted(course, rendered_certificates):
    client, certificate = issued(course)
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_until=timezone.localdate() + datetime.timedelta(days=200)
    )
    assert "Training opnieuw doen" not in client.get(course.url).text
    done = LessonProgress.objects.count()

    response = client.post(course.url, {"opnieuw": "1"})

    assert response.status_code == 302 and response["Location"] == course.url
    assert LessonProgress.objects.count() == done
    # Nor can someone without a certificate, or a stranger, wipe anything.
    for stranger in (started(course), Client()):
        assert stranger.post(course.url, {"opnieuw": "1"})["Location"] == course.url
    assert LessonProgress.objects.count() == done


def test_an_expired_certificate_says_so(course, rendered_certificates):
    _client, certificate = issued(course)
    Certificate.objects.filter(pk=certificate.pk).update(
        completed_on=datetime.date(2024, 3, 3), valid_until=datetime.date(2025, 3, 2)
    )

    html = Client().get(f"{VERIFY}{certificate.code}/").text

    assert "Dit certificaat is echt, maar verlopen: het was geldig tot en met 2 maart 2025." in html
    assert "2 maart 2025 (verlopen)" in html
    assert "Dit certificaat is echt." not in html


@pytest.mark.parametrize(
    "code", ["GUESS", "0" * 16, "K7QM-3XW9-0BRT-M4ZU", "%00", "a" * 300, "K7QM-3XW9-0BRT-M4Z"]
)
def test_a_guessed_or_malformed_code_shows_the_same_neutral_page(
    course, rendered_certificates, code
):
    _client, certificate = issued(course)
    guess = codes.new_code()
    assert guess != certificate.code

    for address in (f"{VERIFY}{guess}/", f"{VERIFY}{code}/"):
        response = Client().get(address, follow=True)  # "0" * 16: to its canonical spelling
        assert response.status_code == 404
        assert "We vinden geen certificaat met deze code." in response.text
        assert "Anna" not in response.text and certificate.code not in response.text


def test_a_code_in_another_spelling_leads_to_its_one_address(course, rendered_certificates):
    _client, certificate = issued(course)
    sloppy = certificate.code.lower().replace("-", "").replace("0", "o")

    response = Client().get(f"{VERIFY}{sloppy}/")

    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}{certificate.code}/"


def test_the_verify_form_checks_a_typed_code_and_keeps_what_was_typed(
    course, rendered_certificates
):
    _client, certificate = issued(course)
    visitor = Client()

    form = visitor.get(VERIFY)
    assert (
        form.status_code == 200 and 'action="/nl/trainingen/certificaat/controleren/"' in form.text
    )
    assert "We vinden geen" not in form.text

    typed = " " + certificate.code.lower().replace("-", " ") + " "
    found = visitor.post(VERIFY, {"code": typed})
    assert found.status_code == 200 and "Anna de Vries" in found.text

    guess = codes.new_code()
    unknown = visitor.post(VERIFY, {"code": guess})
    assert unknown.status_code == 404 and f'value="{guess}"' in unknown.text
    assert "We vinden geen certificaat met deze code." in unknown.text

    garbage = visitor.post(VERIFY, {"code": "hallo <b>"})
    assert garbage.status_code == 400
    assert "Een controlecode heeft 16 letters en cijfers" in garbage.text
    assert 'value="hallo &lt;b&gt;"' in garbage.text

    empty = visitor.post(VERIFY, {"code": ""})
    assert empty.status_code == 400 and "Typ de controlecode van het certificaat." in empty.text


def test_lookups_are_rate_limited_per_ip(course, rendered_certificates, settings):
    settings.COURSES_CERTIFICATE_VERIFY_RATE_LIMIT = "3/m/ip"
    _client, certificate = issued(course)
    visitor = Client()
    assert visitor.post(VERIFY, {"code": codes.new_code()}).status_code == 404
    assert visitor.get(f"{VERIFY}{codes.new_code()}/").status_code == 404
    assert visitor.get(f"{VERIFY}{certificate.code}/").status_code == 200

    refused = visitor.post(VERIFY, {"code": certificate.code})

    assert refused.status_code == 429 and "Wacht een minuut" in refused.text
    assert f'value="{certificate.code}"' in refused.text and "Anna" not in refused.text
    assert visitor.get(f"{VERIFY}{certificate.code}/").status_code == 429
    assert visitor.get(VERIFY).status_code == 200  # reading the form is free


# Pinned. Two are the base layer's on a page outside Wagtail's tree, once its menus and footer are
# cached: the site and the locale of the request; and two more on any 404, whoever answers it:
# an editor's redirect for the address, and a page that was there before (portal/gone.py). The
# verify page's own: the certificate, by its unique code (one query, whether it exists or not);
# an address that is no code costs none.
BASE_QUERIES = 2
NOT_FOUND_QUERIES = 2
VERIFY_QUERIES = BASE_QUERIES + 1


def test_the_verify_page_takes_a_fixed_number_of_queries(
    course, rendered_certificates, django_assert_num_queries
):
    _client, certificate = issued(course)
    visitor = Client()
    visitor.get(VERIFY)  # warms the base layer's caches
    with django_assert_num_queries(BASE_QUERIES):
        assert visitor.get(VERIFY).status_code == 200
    with django_assert_num_queries(VERIFY_QUERIES):
        assert visitor.get(f"{VERIFY}{certificate.code}/").status_code == 200
    with django_assert_num_queries(VERIFY_QUERIES + NOT_FOUND_QUERIES):
        assert visitor.get(f"{VERIFY}{codes.new_code()}/").status_code == 404
    with django_assert_num_queries(VERIFY_QUERIES):
        assert visitor.post(VERIFY, {"code": certificate.code}).status_code == 200
    with django_assert_num_queries(BASE_QUERIES + NOT_FOUND_QUERIES):  # no code: no lookup
        assert visitor.get(f"{VERIFY}nonsense/").status_code == 404


def test_codes_carry_at_least_80_bits():
    assert codes.ENTROPY_BITS >= 80


# --- Expiry reminders -----------------------------------------------------------------------------


def account_certificate(course, valid_until, email="anna@example.org", verified=True):
    """A certificate of a signed-in user's learner, expiring on `valid_until`."""
    user = UserFactory(email=email)
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    learner = Learner.objects.create(
        code_digest=codes.code_digest(codes.new_code(), codes.Purpose.RESUME), user=user
    )
    return Certificate.objects.create(
        learner=learner,
        course=course,
        learner_name="Anna de Vries",
        code=codes.new_code(),
        course_title=course.title,
        hours=Decimal("0.75"),
        issuer="Steiger",
        language="nl",
        completed_on=valid_until - datetime.timedelta(days=365),
        issued_on=valid_until - datetime.timedelta(days=365),
        valid_until=valid_until,
    )


@pytest.fixture
def reminder_cases(course, catalogue, rendered_certificates):
    today = timezone.localdate()
    due = account_certificate(course, today + datetime.timedelta(days=10))
    other = CoursePageFactory(parent=catalogue)
    later = account_certificate(other, today + datetime.timedelta(days=31), "b@example.org")
    gone = account_certificate(other, today - datetime.timedelta(days=1), "c@example.org")
    unverified = account_certificate(
        course, today + datetime.timedelta(days=5), "d@example.org", verified=False
    )
    # An anonymous learner's certificate: no address to send to.
    _client, anonymous = issued(course)
    Certificate.objects.filter(pk=anonymous.pk).update(valid_until=today)
    return {"due": due, "later": later, "gone": gone, "unverified": unverified}


def test_the_reminder_goes_once_to_due_certificates_of_accounts_only(
    reminder_cases, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = send_certificate_reminders.enqueue()

    assert result.return_value == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    due = reminder_cases["due"]
    assert message.to == ["anna@example.org"]
    assert message.subject == "Uw certificaat verloopt binnenkort"
    assert due.code in message.body
    assert f"http://testserver/nl/trainingen/certificaat/controleren/{due.code}/" in message.body
    assert "kindermishandeling" not in message.body.lower() and course.title not in message.body
    assert "http://testserver/nl/trainingen/mijn-trainingen/" in message.body  # to renew it
    assert Certificate.objects.filter(reminder_sent_at__isnull=False).get() == due

    with django_capture_on_commit_callbacks(execute=True):
        assert send_certificate_reminders.enqueue().return_value == 0
    assert len(mail.outbox) == 1


def test_the_maintenance_run_sends_the_reminders(
    reminder_cases, django_capture_on_commit_callbacks
):
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_maintenance", stdout=output)

    assert "== send_certificate_reminders" in output.getvalue()
    assert "certificate reminders queued: 1" in output.getvalue()
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]


def test_the_reminder_period_is_a_setting(reminder_cases, settings):
    settings.COURSES_CERTIFICATE_REMINDER_DAYS = 40

    due = certificates.certificates_due_for_reminder()

    assert {item.pk for item in due} == {reminder_cases["due"].pk, reminder_cases["later"].pk}


# --- Personal data --------------------------------------------------------------------------------


def test_certificates_are_exported_and_erased_with_the_account(course, rendered_certificates, rf):
    client, certificate = issued(course)
    user = UserFactory()
    learning.adopt(user, learner_of(client))
    owner = registry.get("certificate")

    exported = owner.exporter(user)

    assert exported == [
        {
            "name_on_certificate": "Anna de Vries",
            "course": "Signalen van kindermishandeling",
            "completed_on": certificate.completed_on.isoformat(),
            "issued_on": certificate.issued_on.isoformat(),
            "valid_until": None,
            "hours": "0.75",
            "accreditation": None,
            "verification_code": certificate.code,
            "expiry_reminder_sent_at": None,
        }
    ]
    assert owner.exporter(UserFactory()) == []

    erase_user_data(user)

    assert not Certificate.objects.exists()
    assert Client().get(f"{VERIFY}{certificate.code}/").status_code == 404


def test_deleting_an_account_deletes_its_certificates(course, rendered_certificates):
    client, _certificate = issued(course)
    user = UserFactory()
    learning.adopt(user, learner_of(client))

    user.delete()

    assert not Certificate.objects.exists()


def test_an_anonymous_learners_certificate_outlives_the_learner_until_its_retention(
    course, rendered_certificates
):
    _client, kept = issued(course)
    learner_owner, owner = registry.get("learner"), registry.get("certificate")
    Learner.objects.update(last_seen_at=timezone.now() - datetime.timedelta(days=400))

    # The learner and its three lessons done; not the certificate.
    assert learner_owner.purger(timezone.now() - learner_owner.retention) == 4
    kept.refresh_from_db()
    assert kept.learner is None
    assert Client().get(f"{VERIFY}{kept.code}/").status_code == 200

    now = timezone.now()
    five_years = owner.retention
    assert five_years >= datetime.timedelta(days=5 * 365)
    today = timezone.localdate()
    old_expired = account_certificate(course, today - five_years - datetime.timedelta(days=2))
    recent_expired = account_certificate(
        CoursePageFactory(parent=course.get_parent()),
        today - datetime.timedelta(days=30),
        "e@example.org",
    )
    Certificate.objects.filter(pk=kept.pk).update(
        issued_on=today - five_years - datetime.timedelta(days=2)
    )

    assert owner.purger(now - owner.retention) == 2

    assert list(Certificate.objects.all()) == [recent_expired]
    assert not Certificate.objects.filter(pk__in=[old_expired.pk, kept.pk]).exists()


# --- Hostile input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Typ uw naam zoals die op het certificaat moet komen te staan."),
        ("   ", "Typ uw naam zoals die op het certificaat moet komen te staan."),
        (
            "A" * 500,
            "Een naam op het certificaat mag hoogstens 120 tekens lang zijn; u typte er 500.",
        ),
        ("Anna\u202e seirV ed", "De naam bevat tekens die niet gedrukt kunnen worden"),
        ("Anna\x07", "De naam bevat tekens die niet gedrukt kunnen worden"),
        ("Anna\ufffd", "De naam bevat tekens die niet gedrukt kunnen worden"),
        ("!!! 123", "Typ een naam met minstens één letter."),
    ],
)
def test_a_name_that_cannot_be_printed_gets_a_dutch_error_and_is_kept(
    course, rendered_certificates, name, message
):
    client = completed(course)

    response = claim(client, course, name)

    assert response.status_code == 400
    assert message in response.text
    assert "Controleer het formulier: er ontbreekt iets of er klopt iets niet." in response.text
    assert 'aria-describedby="id_name_helptext id_name_error"' in response.text
    if name.strip() and "\x07" not in name:
        assert f'value="{name[:200]}' in response.text.replace("&#x27;", "'")
    assert "no-cache" in response["Cache-Control"]
    assert not Certificate.objects.exists() and not rendered_certificates


@pytest.mark.parametrize(
    "name",
    [
        "Zoë O'Brien-Şahin",
        "李小龍",
        "שרה כהן",
        "Ana 👩‍🎓",
        "\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627",
        "J.  de  Wit",
    ],
)
def test_names_in_any_script_are_printed_as_typed(course, rendered_certificates, name):
    client = completed(course)

    assert claim(client, course, name).status_code == 303

    assert Certificate.objects.get().learner_name == " ".join(name.split())


@given(name=st.one_of(hostile_text, st.text(max_size=130)))
@example(name="\ud800")
@example(name="\x00")
def test_anything_typed_as_the_name_never_fails(course, rendered_certificates, name):
    client = completed(course, fresh_client())
    response = client.post(
        course.url,
        f"certificaat=1&name={encode(name)}",
        content_type="application/x-www-form-urlencoded",
    )
    assert_no_server_error(response)
    assert response.status_code in (303, 400)


@given(code=st.one_of(hostile_text, st.text(max_size=40)))
@example(code="\x00")
@example(code="../../etc/passwd")
def test_anything_typed_or_put_in_the_address_never_fails_on_the_verify_page(course, code):
    client = fresh_client()
    posted = client.post(
        VERIFY, f"code={encode(code)}", content_type="application/x-www-form-urlencoded"
    )
    assert_no_server_error(posted)
    assert posted.status_code in (400, 404)
    in_address = client.get(f"{VERIFY}{encode(code)}/")
    assert_no_server_error(in_address)
    assert in_address.status_code in (301, 302, 404)


def test_a_course_that_gives_no_certificate_issues_none(catalogue, rendered_certificates):
    classroom = CoursePageFactory(parent=catalogue, slug="klassikaal", format="classroom")
    paid = CoursePageFactory(parent=catalogue, slug="betaald", price=Decimal("95"))
    LessonPageFactory(parent=paid, slug="les")
    for course in (classroom, paid):
        client = started(course)
        response = claim(client, course)
        assert response.status_code == 302 and response["Location"] == course.url
    assert not Certificate.objects.exists()


def test_an_expired_session_shows_the_course_page_again_with_the_name(
    course, rendered_certificates
):
    # The learner's cookie lives a year; the session and its CSRF token are gone.
    client = Client(enforce_csrf_checks=True)
    client.cookies[COOKIE] = completed(course).cookies[COOKIE].value

    response = client.post(course.url, {"certificaat": "1", "name": "Anna de Vries"})

    assert response.status_code == 403
    assert 'value="Anna de Vries"' in response.text and "Uw certificaat" in response.text
    assert "no-cache" in response["Cache-Control"]
    assert not Certificate.objects.exists()
