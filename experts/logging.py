"""Keep the requester's private status link out of every log.

The status page's address (/<language>/expertpool/aanvraag/<token>/) is the key to a request:
whoever has it reads the contact's name and the request, and can withdraw it. Web servers and
Django log the paths they serve ("Not Found: /nl/expertpool/aanvraag/…/", runserver's and
gunicorn's access lines), and logs are kept longer, copied further and read by more people
than the database. So the filter below replaces the token in such a path with "[token]",
in the message and in its arguments, before any handler formats the record.

ExpertsConfig.ready() adds it to the loggers that write request paths (a filter on a logger
sees only that logger's own records, so each is named); `install()` may be called again: a
logger gets it once.
"""

import logging
import re
from collections.abc import Mapping

# The loggers that write request paths: Django's errors (404s, 400s, 429s, 500s), runserver's
# access log, gunicorn's access log, and Django's refused CSRF checks ("Forbidden (...): path";
# a filter on "django.request" does not see that logger's records).
REQUEST_LOGGERS = ("django.request", "django.server", "gunicorn.access", "django.security.csrf")
TOKEN_PLACEHOLDER = "[token]"

# The token runs to the next slash, query, fragment, space or quote; a guessed or mangled one
# (percent-encoded, too long) is replaced the same way.
_STATUS_PATH = re.compile(r"(/expertpool/aanvraag/)[^/?#\s\"'<>]+")


def redact(text: str) -> str:
    """`text` with the token of every status page address in it replaced."""
    if "/expertpool/aanvraag/" not in text:
        return text
    return _STATUS_PATH.sub(rf"\g<1>{TOKEN_PLACEHOLDER}", text)


def _redact_value(value):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, bytes) and b"/expertpool/aanvraag/" in value:
        return redact(value.decode("utf-8", "replace"))
    return value


class StatusTokenFilter(logging.Filter):
    """Replaces the token of a request's status address in a record; lets every record pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        args = record.args
        if isinstance(args, tuple):
            record.args = tuple(_redact_value(value) for value in args)
        elif isinstance(args, Mapping):
            # gunicorn passes its atoms as one mapping (a dict subclass that answers "-" for a
            # missing key): change it in place, so it keeps that behaviour.
            for key in list(args):
                value = args[key]
                redacted = _redact_value(value)
                if redacted is not value:
                    try:
                        args[key] = redacted
                    except TypeError:  # a read-only mapping: replace it with a copy
                        record.args = {name: _redact_value(item) for name, item in args.items()}
                        break
        return True


def install(logger_names: tuple[str, ...] = REQUEST_LOGGERS) -> None:
    for name in logger_names:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, StatusTokenFilter) for existing in logger.filters):
            logger.addFilter(StatusTokenFilter())
