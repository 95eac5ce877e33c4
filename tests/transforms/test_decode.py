"""Decoding: every text encoding a crawler saves becomes the same normalised text."""

from __future__ import annotations

import pytest

from transforms.decode import decode_bytes
from transforms.records import Rejected

TEXT = "Zelenskyy’s “peace” plan — café\nsecond line\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (TEXT.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "crlf", "cr"],
)
def test_unicode_encodings_and_line_ends_decode_to_one_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded == TEXT
    assert decoded.encoding == encoding


def test_legacy_single_byte_encoding_is_detected_not_assumed() -> None:
    page = (
        "Président Macron a déclaré que l’Europe était prête. « Nous sommes là », a-t-il dit. "
        "Les négociations continueront à Genève après l’été.\n"
    ) * 4
    decoded = decode_bytes(page.encode("cp1252"))
    assert decoded == page
    assert decoded.encoding in {"cp1252", "windows-1252", "latin_1", "iso8859_15", "cp1250"}


def test_invisible_and_space_like_characters_are_normalised() -> None:
    decoded = decode_bytes("Zelen\u200bskyy\u00a0said\u202fno \u00adthanks\ufeff".encode())
    assert decoded == "Zelenskyy said no thanks"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not_text"),
        (bytes(range(1, 32)) * 50, "not_text"),
    ],
    ids=["empty", "whitespace", "png", "control-bytes"],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(Rejected) as caught:
        decode_bytes(data)
    assert caught.value.reason == reason


def test_a_central_european_code_page_is_not_forced_to_cp1252() -> None:
    page = "Prezydent powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu. Zażółć. " * 5
    decoded = decode_bytes(page.encode("cp1250"))
    assert decoded == page


def test_a_rejection_survives_pickling_to_another_process() -> None:
    import pickle

    rejected = Rejected("not_text", "NUL bytes")
    again = pickle.loads(pickle.dumps(rejected))
    assert (again.reason, again.detail, str(again)) == (
        "not_text",
        "NUL bytes",
        "not_text: NUL bytes",
    )


def test_utf8_cut_inside_its_last_character_stays_utf8_and_says_so() -> None:
    from transforms.decode import TRUNCATED_UTF8

    whole = "Kyiv’s envoy said the talks — after months — would resume at the café".encode()
    cut = decode_bytes(whole[:-1])  # the "é" of café loses its second byte
    assert cut.encoding == TRUNCATED_UTF8
    assert str(cut).startswith("Kyiv’s envoy said the talks — after months —")
    assert str(cut).endswith("caf\ufffd")
    # One high byte after plain ASCII is a legacy code page's letter, not a cut.
    assert decode_bytes("Menu of the café".encode("cp1252")).encoding != TRUNCATED_UTF8
