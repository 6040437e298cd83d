"""Plain-text reader: encodings detected, original bytes kept, newlines the only change."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_builders import make_pdf

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.readers import sniff_and_pick
from claimgraph.ingest.text import READER, normalise_newlines

RUSSIAN = (
    "Представитель штаба заявил журналистам, что ночью над областью были сбиты четыре "
    "беспилотника. По его словам, пострадавших нет, но повреждены два склада и линия электропередачи."
)
UKRAINIAN = (
    "Речник обласної адміністрації повідомив, що вночі над містом збили три безпілотники. "
    "За його словами, постраждалих немає, але пошкоджено дах школи."
)
KOREAN = (
    "군 당국은 어젯밤 국경 인근에서 무인기 세 대가 격추되었다고 밝혔다. "
    "관계자는 피해 규모를 아직 확인 중이라고 말했다."
)
FRENCH = (
    "Le porte-parole a déclaré que la défense aérienne avait intercepté trois drones près de la "
    "rivière, à l'aube. Aucun blessé n'a été signalé, selon la préfecture."
)


def read(data: bytes, limits: Limits | None = None, origin: str = "report.txt"):
    return READER.read(Source(data, origin, "text/plain"), limits or Limits())


@pytest.mark.parametrize("text, encoding, expected", [
    (RUSSIAN, "utf-8", "utf-8"),
    (RUSSIAN, "utf-8-sig", "utf-8-sig"),
    (RUSSIAN, "utf-16", "utf-16"),
    (KOREAN, "utf-16-be", None),
    (RUSSIAN, "cp1251", "cp1251"),
    (RUSSIAN, "koi8-r", "koi8"),
    (UKRAINIAN, "cp1251", "cp1251"),
    (KOREAN, "euc-kr", None),  # reported as euc_kr or its superset cp949
    (FRENCH, "latin-1", None),  # reported as latin_1 or cp1252, which agree on these letters
])
def test_encodings_are_detected(text: str, encoding: str, expected: str | None) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    [draft] = read(data)
    assert draft.text == text
    assert draft.original == data
    found = draft.meta["encoding"].replace("_", "-").lower()
    if expected:
        assert found.startswith(expected)
    elif encoding == "euc-kr":
        assert found in ("euc-kr", "cp949")
    elif encoding == "latin-1":
        assert found in ("latin-1", "iso8859-1", "cp1252", "iso-8859-1", "iso8859-15")


def test_ascii_is_reported_as_ascii() -> None:
    [draft] = read(b"Plain words only.")
    assert draft.meta["encoding"] == "ascii"
    assert draft.reader == "text" and draft.media_type == "text/plain"


def test_crlf_and_cr_become_lf_and_original_stays() -> None:
    data = b"Line one.\r\nLine two.\rLine three.\n"
    [draft] = read(data)
    assert draft.text == "Line one.\nLine two.\nLine three.\n"
    assert draft.original == data
    assert draft.meta["newlines"] == "mixed"
    [crlf] = read(b"a\r\nb\r\n")
    assert crlf.meta["newlines"] == "crlf"


def test_nothing_else_is_normalised() -> None:
    data = "  leading spaces\t\ttabs\n\n\ntrailing   \n\u00a0nbsp".encode("utf-8")
    [draft] = read(data)
    assert draft.text == data.decode("utf-8")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\r\n\t"),
               min_size=1, max_size=200))
@settings(max_examples=150, deadline=None)
def test_newline_normalisation_keeps_every_other_character(text: str) -> None:
    converted, _ = normalise_newlines(text)
    assert "\r" not in converted
    assert converted.replace("\n", "") == text.replace("\r", "").replace("\n", "")


def test_empty_and_whitespace_only_are_empty_input() -> None:
    for data in (b"", b"   \n\r\n\t "):
        with pytest.raises(EmptyInput) as caught:
            read(data, origin="blank.txt")
        assert caught.value.subject == "blank.txt"
        assert caught.value.fix


def test_binary_bytes_are_corrupt_input() -> None:
    with pytest.raises(CorruptInput) as caught:
        read(bytes(range(256)) * 8, origin="blob.txt")
    assert caught.value.subject == "blob.txt"
    assert "text" in caught.value.reason and caught.value.fix


def test_bom_that_does_not_decode_is_corrupt() -> None:
    with pytest.raises(CorruptInput):
        read(b"\xff\xfe" + b"\x00\xd8")  # a lone UTF-16 surrogate after the mark


def test_over_the_byte_limit_is_too_large() -> None:
    with pytest.raises(InputTooLarge) as caught:
        read(b"word " * 100, limits=Limits(max_bytes=200), origin="big.txt")
    assert "200" in caught.value.reason and caught.value.subject == "big.txt"


def test_truncated_utf8_still_reads() -> None:
    # A file cut in the middle of a multi-byte character is decoded by detection, not refused.
    data = RUSSIAN.encode("utf-8")[:-1]
    [draft] = read(data)
    assert draft.text.startswith(RUSSIAN[:40])


def test_pdf_named_txt_is_not_read_as_text() -> None:
    data = make_pdf(["The depot burned for two days after the strike."])
    media_type, reader = sniff_and_pick(data, "report.txt")
    assert (media_type, reader.name) == ("application/pdf", "pdf")
    [draft] = reader.read(Source(data, "report.txt", media_type), Limits())
    assert "depot burned" in draft.text
