"""What people search for: weekly totals without personal data, and the admin report
"Zoekvragen" for editors and moderators (search/query_log.py, search/wagtail_hooks.py)."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from portal import roles
from portal.accounts.factories import UserFactory
from search import query_log
from search.models import SearchQueryWeek
from search.query_log import looks_personal, normalise, record_query
from search.wagtail_hooks import SearchQueryMenuItem
from tests.portal.test_taxonomy import _signed_in_with_mfa

MONDAY = datetime.date(2026, 3, 2)

pytestmark = pytest.mark.django_db


@pytest.fixture
def week(monkeypatch):
    """Searches are counted in the week of 2 March 2026 until the test moves on."""
    current = {"week": MONDAY}
    monkeypatch.setattr(query_log, "this_week", lambda: current["week"])
    return current


def rows() -> list[tuple]:
    return list(
        SearchQueryWeek.objects.order_by("week_start", "language", "query").values_list(
            "week_start", "language", "query", "count", "zero_result_count"
        )
    )


# --- recording ---------------------------------------------------------------------------------


def test_searches_are_counted_per_week_language_and_normalised_query(week):
    record_query("Kindermishandeling  signalen", 4, "nl")
    record_query("  kindermishandeling signalen ", 0, "nl")
    record_query("KINDERMISHANDELING\tSIGNALEN", 2, "nl")
    record_query("child abuse", 0, "en")
    week["week"] = MONDAY + datetime.timedelta(days=7)
    record_query("kindermishandeling signalen", 1, "nl")

    assert rows() == [
        (MONDAY, "en", "child abuse", 1, 1),
        (MONDAY, "nl", "kindermishandeling signalen", 3, 1),
        (MONDAY + datetime.timedelta(days=7), "nl", "kindermishandeling signalen", 1, 0),
    ]


def test_the_week_is_the_iso_week_of_today(db):
    record_query("meldcode", 1, "nl")
    stored = SearchQueryWeek.objects.get()
    today = timezone.localdate()
    assert stored.week_start.weekday() == 0  # a Monday
    assert 0 <= (today - stored.week_start).days < 7
    assert stored.week_label == f"{today.isocalendar()[0]}-W{today.isocalendar()[1]:02d}"


def test_a_query_is_stored_lower_case_collapsed_and_at_most_100_characters():
    assert normalise("  Huiselijk\n\nGEWELD\u200b  ") == "huiselijk geweld"
    assert normalise("a" * 300) == "a" * 100
    assert normalise("\x00\x1b") == ""


def test_empty_queries_are_not_counted_and_an_unknown_language_is_kept_apart(week):
    record_query("   ", 0, "nl")
    record_query("meldcode", 1, "xx-evil")
    assert rows() == [(MONDAY, "", "meldcode", 1, 0)]


def test_only_weekly_totals_are_stored():
    """No IP address, user, session or time finer than the week: the model has no place for it."""
    fields = {field.name for field in SearchQueryWeek._meta.get_fields()}
    assert fields == {"id", "week_start", "language", "query", "count", "zero_result_count"}


@pytest.mark.parametrize(
    "query",
    [
        "jan.jansen@example.nl",
        "mail fatima@voorbeeld.nl over mijn zoon",
        "06-12345678",
        "0612345678",
        "+31 6 1234 5678",
        "013 123 45 67",
        "5038 AB 12",
        "5038ab 12",
        "12 5038 AB",
        "kerkstraat 12",
        "stationsweg 4a tilburg",
        "123456789",
        "bsn 123.456.789",
        "NL91ABNA0417164300",
    ],
)
def test_queries_that_look_like_personal_data_are_hidden(query):
    assert looks_personal(normalise(query))


@pytest.mark.parametrize(
    "query",
    [
        "kindermishandeling",
        "veilig thuis 0800-2000",
        "0800 2000",
        "meldcode 2024",
        "tilburg",
        "5038",
        "training 12 maart",
        "112",
    ],
)
def test_ordinary_queries_are_kept(query):
    assert not looks_personal(normalise(query))


def test_personal_looking_queries_are_counted_in_one_hidden_bucket(week):
    record_query("jan.jansen@example.nl", 0, "nl")
    record_query("06-12345678", 0, "nl")
    record_query("Kerkstraat 12", 3, "nl")
    record_query("meldcode", 2, "nl")

    assert rows() == [
        (MONDAY, "nl", SearchQueryWeek.HIDDEN, 3, 2),
        (MONDAY, "nl", "meldcode", 1, 0),
    ]
    stored = " ".join(SearchQueryWeek.objects.values_list("query", flat=True))
    assert "jansen" not in stored and "12345678" not in stored and "kerkstraat" not in stored


def test_beyond_the_weekly_limit_new_queries_go_to_the_hidden_bucket(week, monkeypatch):
    monkeypatch.setattr(query_log, "MAX_DISTINCT_PER_WEEK", 2)
    for query in ("een", "twee", "drie", "een"):
        record_query(query, 1, "nl")

    assert rows() == [
        (MONDAY, "nl", SearchQueryWeek.HIDDEN, 1, 0),
        (MONDAY, "nl", "een", 2, 0),
        (MONDAY, "nl", "twee", 1, 0),
    ]


def test_a_database_error_never_reaches_the_search_page(week, caplog):
    with mock.patch.object(query_log, "_count", side_effect=DatabaseError("locked: meldcode")):
        record_query("meldcode", 1, "nl")
    assert "DatabaseError" in caplog.text
    assert "meldcode" not in caplog.text


def test_weeks_older_than_a_year_are_purged(db):
    today = datetime.date.today()
    for weeks_ago in (0, 50, 53, 60):
        SearchQueryWeek.objects.create(
            week_start=query_log.week_start(today - datetime.timedelta(weeks=weeks_ago)),
            language="nl",
            query=f"vraag {weeks_ago}",
            count=1,
        )

    from search.upkeep.reconcile import reconcile

    assert reconcile().purged_query_weeks == 2
    assert set(SearchQueryWeek.objects.values_list("query", flat=True)) == {"vraag 0", "vraag 50"}


# --- the report --------------------------------------------------------------------------------


def _member_of(role: str, email: str):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def counted(week):
    # Recorded in another order than the report shows them.
    record_query("grooming", 0, "en")
    record_query("loverboy", 0, "nl")
    record_query("loverboy", 0, "nl")
    for _ in range(3):
        record_query("ouderenmishandeling", 2, "nl")
    record_query("jan.jansen@example.nl", 0, "nl")


@pytest.mark.parametrize("role", [roles.EDITOR, roles.MODERATOR])
def test_editors_and_moderators_see_the_most_frequent_queries_per_week(counted, client, role):
    _signed_in_with_mfa(client, _member_of(role, "redactie@example.org"))

    response = client.get(reverse("search_query_report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "2026-W10" in html
    assert html.index("ouderenmishandeling") < html.index("loverboy")
    assert "grooming" in html
    assert "jansen" not in html


def test_the_report_lists_the_queries_that_found_nothing(counted, client):
    _signed_in_with_mfa(client, _member_of(roles.EDITOR, "redactie@example.org"))

    response = client.get(reverse("search_query_report_results"), {"found_nothing": "true"})

    html = response.content.decode()
    assert "loverboy" in html and "grooming" in html
    assert "ouderenmishandeling" not in html
    assert html.index("loverboy") < html.index("grooming")  # failed twice, then once


def test_the_report_filters_by_week_and_language(counted, client, week):
    week["week"] = MONDAY + datetime.timedelta(days=7)
    record_query("meldcode", 1, "nl")
    _signed_in_with_mfa(client, _member_of(roles.EDITOR, "redactie@example.org"))

    url = reverse("search_query_report_results")
    html = client.get(url, {"week_start": MONDAY.isoformat(), "language": "nl"}).content.decode()

    assert "ouderenmishandeling" in html
    assert "meldcode" not in html and "grooming" not in html


def test_the_export_holds_the_weekly_totals_only(counted, client):
    _signed_in_with_mfa(client, _member_of(roles.EDITOR, "redactie@example.org"))

    response = client.get(reverse("search_query_report"), {"export": "csv"})

    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "2026-W10,nl,ouderenmishandeling,3,0" in text
    assert "jansen" not in text


def test_a_user_without_the_role_is_refused(counted, client):
    translator = _member_of(roles.TRANSLATOR, "vertaler@example.org")
    _signed_in_with_mfa(client, translator)

    response = client.get(reverse("search_query_report"))

    assert response.status_code in (302, 403)
    assert b"ouderenmishandeling" not in response.content


def test_a_visitor_is_sent_to_the_login(counted):
    response = Client().get(reverse("search_query_report"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_report_is_in_the_reports_menu_of_editors_only(db):
    request = RequestFactory().get("/admin/")
    menu_item = SearchQueryMenuItem("Zoekvragen", reverse("search_query_report"))

    request.user = _member_of(roles.EDITOR, "redactie@example.org")
    assert menu_item.is_shown(request)
    request.user = _member_of(roles.TRANSLATOR, "vertaler@example.org")
    assert not menu_item.is_shown(request)
