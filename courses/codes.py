"""The codes of online training: resume codes and certificate verification codes.

A resume code is the only key an anonymous learner has to their progress: whoever holds it
can continue someone's course and so learn which course they follow (for a resident that can
be "signals of child abuse"). A certificate code lets anyone check that a certificate is
genuine. Both are made the same way, here:

- 80 bits from `secrets`, so guessing one is hopeless even without the rate limit the resume
  endpoint adds;
- written in Crockford's base32 (digits and capitals without I, L, O and U) in groups of four,
  because people copy them from paper, read them aloud and type them on a phone;
- a resume code is stored only as a keyed digest (`code_digest`): a copy of the database holds
  no code anyone could use to continue someone's course.

A certificate code is stored as printed (courses.models.Certificate.code), and that is a
choice, not an oversight: it is handed out on purpose, on paper, and opens nothing but a page
that shows what the certificate itself shows; the name and course in the same row would give
away anything a digest could hide; the PDF is rendered again from the stored code; and a
plain code survives a rotation of SECRET_KEY. (Purpose.CERTIFICATE keeps the two kinds of
digest apart should certificate codes ever be stored as digests.)

For callers: show a resume code once, never log it, and never put it in a URL (a proxy or a
browser history keeps URLs); it travels in a POST body or a first-party cookie only. A
certificate code may appear in the verification URL: it shows nothing beyond the certificate
its holder chose to hand out.
"""

import math
import secrets
from enum import StrEnum

from django.conf import settings
from django.utils.crypto import salted_hmac

# Crockford's base32: no I, L and O (they look like 1 and 0) and no U (accidental words).
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP_SIZE = 4
GROUPS = 4
CODE_LENGTH = GROUP_SIZE * GROUPS
ENTROPY_BITS = CODE_LENGTH * math.log2(len(ALPHABET))
SEPARATOR = "-"

# What people type back instead of the canonical symbol (Crockford's decoding rules).
_LOOK_ALIKES = {"O": "0", "I": "1", "L": "1"}
_READS_AS = {
    **{symbol: symbol for symbol in ALPHABET},
    **{symbol.lower(): symbol for symbol in ALPHABET},
    **_LOOK_ALIKES,
    **{typed.lower(): symbol for typed, symbol in _LOOK_ALIKES.items()},
}
# Dashes a word processor or phone keyboard puts in place of the hyphen a code was shown with.
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
# Far more than a code with separators and spaces: anything longer is not worth reading.
MAX_TYPED_LENGTH = 100


class Purpose(StrEnum):
    """What a code opens; each purpose keys its digests differently, so a resume code's
    digest never matches a certificate's (and a leaked table of one says nothing about the
    other)."""

    RESUME = "steiger.courses.codes.resume"
    CERTIFICATE = "steiger.courses.codes.certificate"


def new_code() -> str:
    """A fresh code in canonical form, e.g. `K7QM-3XW9-0BRT-M4ZD`."""
    return _grouped("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)))


def normalise(typed: str) -> str | None:
    """The canonical form of a code as someone typed it, or None when it cannot be one.

    Forgives what people do: lower case, spaces (also non-breaking ones from an email),
    missing, extra or typographic dashes, O for 0 and I or L for 1. Anything else (a U,
    another letter or digit of any script, the wrong number of symbols) gives None: never an
    exception, whatever the input.
    """
    if len(typed) > MAX_TYPED_LENGTH:
        return None
    symbols = []
    for character in typed:
        if character.isspace() or character in _DASHES:
            continue
        symbol = _READS_AS.get(character)
        if symbol is None:
            return None
        symbols.append(symbol)
    if len(symbols) != CODE_LENGTH:
        return None
    return _grouped("".join(symbols))


def code_digest(code: str, purpose: Purpose) -> str:
    """The digest to store and look up instead of the code: HMAC-SHA256 under a key derived
    from SECRET_KEY and the purpose, as 64 hex characters.

    Keyed rather than a plain hash: 80 bits cannot be brute-forced anyway, but without the key
    a leaked table cannot even be tested against a code someone found on paper. Deterministic,
    so a typed code is found with one indexed lookup. Pass the canonical form (`normalise`
    first): a code in another spelling is a programming error and raises ValueError, as it
    would otherwise silently never match.
    """
    return _digest(_canonical(code), purpose, settings.SECRET_KEY)


def lookup_digests(code: str, purpose: Purpose) -> tuple[str, ...]:
    """The digests under which a code may be stored: under SECRET_KEY first, then under each
    of SECRET_KEY_FALLBACKS. Rotating SECRET_KEY would otherwise orphan every resume code and
    certificate at once; look up with `digest__in=` and store the first one again on a hit."""
    canonical = _canonical(code)
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return tuple(_digest(canonical, purpose, key) for key in keys)


def _canonical(code: str) -> str:
    if normalise(code) != code:
        raise ValueError("Only a code in canonical form has a digest; normalise it first.")
    return code


def _digest(code: str, purpose: Purpose, key: str) -> str:
    return salted_hmac(purpose.value, code, secret=key, algorithm="sha256").hexdigest()


def _grouped(symbols: str) -> str:
    return SEPARATOR.join(
        symbols[start : start + GROUP_SIZE] for start in range(0, len(symbols), GROUP_SIZE)
    )
