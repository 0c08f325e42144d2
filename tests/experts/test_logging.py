"""The requester's status link never reaches a log: Django's request log (a guessed link's 404,
a refused form's 400), runserver's and gunicorn's access lines and a refused CSRF check show
the path with "[token]" instead of the token."""

import datetime
import logging
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import translation
from gunicorn.config import Config
from gunicorn.glogging import Logger as GunicornLogger

from experts.factories import submit_test_request
from experts.logging import REQUEST_LOGGERS, StatusTokenFilter, install, redact
from experts.urls import status_path


def _path(token: str) -> str:
    with translation.override("nl"):
        return status_path(token)


class _Lines(logging.Handler):
    """The formatted lines a logger writes, as its handlers would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def lines():
    handler = _Lines()
    loggers = [logging.getLogger(name) for name in REQUEST_LOGGERS]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.lines
    for logger in loggers:
        logger.removeHandler(handler)


def test_the_filter_is_on_every_logger_that_writes_paths_once():
    install()  # a second time changes nothing
    for name in REQUEST_LOGGERS:
        filters = logging.getLogger(name).filters
        assert sum(isinstance(item, StatusTokenFilter) for item in filters) == 1, name


def test_redact_replaces_only_the_token():
    assert (
        redact('"GET /nl/expertpool/aanvraag/AbC-12_x/?gedaan=message HTTP/1.1" 200')
        == '"GET /nl/expertpool/aanvraag/[token]/?gedaan=message HTTP/1.1" 200'
    )
    assert redact("/en/expertpool/aanvraag/AbC") == "/en/expertpool/aanvraag/[token]"
    assert redact("/nl/expertpool/inbox/12/") == "/nl/expertpool/inbox/12/"
    assert redact(redact("/nl/expertpool/aanvraag/x/")) == "/nl/expertpool/aanvraag/[token]/"


@pytest.mark.django_db
def test_a_guessed_link_and_a_refused_form_log_no_token(client, home, lines):
    _request, token = submit_test_request()
    guess = "Zq" * 21

    assert client.get(_path(guess)).status_code == 404
    assert client.post(_path(token), {"action": "message", "body": ""}).status_code == 400

    logged = "\n".join(lines)
    assert "Not Found: /nl/expertpool/aanvraag/[token]/" in logged
    assert "Bad Request: /nl/expertpool/aanvraag/[token]/" in logged
    assert guess not in logged and token not in logged


@pytest.mark.django_db
def test_a_refused_csrf_check_logs_no_token(home, lines):
    _request, token = submit_test_request()
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(_path(token), {"action": "message", "body": "Hallo"})

    assert response.status_code == 403
    logged = "\n".join(lines)
    assert "/nl/expertpool/aanvraag/[token]/" in logged
    assert token not in logged


def test_runservers_access_line_logs_no_token(lines):
    # As django.core.servers.basehttp.WSGIRequestHandler.log_message writes it.
    logging.getLogger("django.server").info(
        '"%s" %s %s', "GET /nl/expertpool/aanvraag/s3cr3t-t0ken/ HTTP/1.1", "200", "5120"
    )

    assert lines == ['"GET /nl/expertpool/aanvraag/[token]/ HTTP/1.1" 200 5120']


def test_gunicorns_access_line_logs_no_token(lines):
    config = Config()
    config.set("accesslog", "/dev/null")
    config.set(
        "access_log_format",
        '%(h)s "%(r)s" %(s)s %(U)s %({raw_uri}e)s %({user-agent}i)s %({x-missing}i)s',
    )
    access = GunicornLogger(config)
    path = "/nl/expertpool/aanvraag/s3cr3t-t0ken/"
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": f"{path}?gedaan=message",
        "PATH_INFO": path,
        "QUERY_STRING": "gedaan=message",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.10",
    }
    response = SimpleNamespace(status="303 See Other", sent=0, headers=[("Location", path)])
    request = SimpleNamespace(headers=[("User-Agent", "Firefox")])

    access.access(response, request, environ, datetime.timedelta(microseconds=1500))

    assert lines == [
        '192.0.2.10 "POST /nl/expertpool/aanvraag/[token]/?gedaan=message HTTP/1.1" 303 '
        "/nl/expertpool/aanvraag/[token]/ /nl/expertpool/aanvraag/[token]/?gedaan=message "
        "Firefox -"
    ]
