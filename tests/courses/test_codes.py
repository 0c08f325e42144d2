"""Resume and certificate codes: enough randomness, a format people can type back, a
forgiving `normalise` that never fails, and digests that reveal nothing and can be looked up
(Hypothesis; the "steiger" profile in tests/conftest.py sets the example count)."""

import math
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from courses import codes
from courses.codes import Purpose, code_digest, lookup_digests, new_code, normalise

CANONICAL = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")


def test_a_code_carries_at_least_80_bits_of_randomness():
    assert len(codes.ALPHABET) == len(set(codes.ALPHABET)) == 32
    bits = codes.CODE_LENGTH * math.log2(len(set(codes.ALPHABET)))
    assert bits >= 80
    assert bits == codes.ENTROPY_BITS
    assert len(new_code().replace("-", "")) == codes.CODE_LENGTH


def test_a_code_is_crockford_base32_in_groups_of_four():
    for _ in range(200):
        assert CANONICAL.match(new_code())


def test_codes_do_not_repeat():
    draws = [new_code() for _ in range(20_000)]
    assert len(set(draws)) == len(draws)


def test_every_symbol_of_the_alphabet_is_drawn_in_every_position():
    """A generator that left out symbols or positions would have fewer bits than it claims."""
    draws = [new_code().replace("-", "") for _ in range(3_000)]
    for position in range(codes.CODE_LENGTH):
        assert {draw[position] for draw in draws} == set(codes.ALPHABET)


@st.composite
def sloppy(draw: st.DrawFn) -> tuple[str, str]:
    """A code and the way someone might type it back: any case, look-alike letters for 0 and
    1, and spaces or dashes (of several kinds) anywhere, or none at all. Hypothesis draws the
    code's symbols itself (a code from `new_code` would change between its runs), so every
    code `new_code` can make is among them."""
    symbols = draw(st.text(alphabet=codes.ALPHABET, min_size=16, max_size=16))
    code = "-".join(symbols[start : start + 4] for start in range(0, 16, 4))
    typed = []
    for symbol in symbols:
        if symbol == "0":
            symbol = draw(st.sampled_from("0Oo"))
        elif symbol == "1":
            symbol = draw(st.sampled_from("1IiLl"))
        elif draw(st.booleans()):
            symbol = symbol.lower()
        separator = draw(st.sampled_from(["", "", " ", "-", "--", "\u00a0", "\u2013", " - "]))
        typed.append(separator + symbol)
    return code, "".join(typed) + draw(st.sampled_from(["", " ", "\n", "-"]))


@given(sloppy())
def test_normalise_reads_a_code_however_it_was_typed(pair):
    code, typed = pair
    assert normalise(typed) == code


def test_normalise_keeps_a_canonical_code_and_reads_look_alikes():
    assert normalise("K7QM-3XW9-0BRT-M4ZD") == "K7QM-3XW9-0BRT-M4ZD"
    assert normalise(" k7qm3xw9 oBrT m4zd ") == "K7QM-3XW9-0BRT-M4ZD"
    assert normalise("LIIL-0000-OOOO-1111") == "1111-0000-0000-1111"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "----",
        "K7QM-3XW9-0BRT-M4Z",  # one short
        "K7QM-3XW9-0BRT-M4ZDX",  # one long
        "K7QM-3XW9-0BRT-M4ZU",  # U is not in the alphabet
        "K7QM_3XW9_0BRT_M4ZD",  # another separator
        "K7QM-3XW9-0BRT-M4Z\u0663",  # an Arabic-Indic digit
        "ßßßßßßßß",  # upper-cases to 16 S's: must not become a code
        "K7QM-3XW9-0BRT-M4ZD" + " " * codes.MAX_TYPED_LENGTH,
        "<script>alert(1)</script>",
    ],
)
def test_normalise_refuses_what_cannot_be_a_code(typed):
    assert normalise(typed) is None


@given(st.text())
@example("\x00" * 16)
@example("\ud800")
@example("0" * 10_000)
def test_normalise_never_raises_and_answers_a_code_or_none(typed):
    result = normalise(typed)
    assert result is None or CANONICAL.match(result)


def test_a_digest_is_stable_and_differs_per_code_and_purpose(settings):
    settings.SECRET_KEY = "one key " + "x" * 50
    code, other = new_code(), new_code()
    digest = code_digest(code, Purpose.RESUME)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert code_digest(code, Purpose.RESUME) == digest
    assert code_digest(other, Purpose.RESUME) != digest
    assert code_digest(code, Purpose.CERTIFICATE) != digest
    assert code.replace("-", "").lower() not in digest


def test_a_digest_depends_on_the_secret_key(settings):
    code = new_code()
    settings.SECRET_KEY = "one key " + "x" * 50
    first = code_digest(code, Purpose.CERTIFICATE)
    settings.SECRET_KEY = "another key " + "x" * 50
    assert code_digest(code, Purpose.CERTIFICATE) != first


def test_after_a_key_rotation_a_code_is_still_found_under_its_old_digest(settings):
    code = new_code()
    settings.SECRET_KEY = "old key " + "x" * 50
    stored = code_digest(code, Purpose.RESUME)
    settings.SECRET_KEY = "new key " + "x" * 50
    settings.SECRET_KEY_FALLBACKS = ["old key " + "x" * 50]
    candidates = lookup_digests(code, Purpose.RESUME)
    assert candidates == (code_digest(code, Purpose.RESUME), stored)


@pytest.mark.parametrize("spelling", ["k7qm-3xw9-0brt-m4zd", "K7QM3XW90BRTM4ZD", "nonsense"])
def test_only_a_canonical_code_has_a_digest(spelling):
    with pytest.raises(ValueError, match="canonical"):
        code_digest(spelling, Purpose.RESUME)
    with pytest.raises(ValueError, match="canonical"):
        lookup_digests(spelling, Purpose.RESUME)
