"""PDF reader: text layer per page, OCR for pages without one, clear errors for bad PDFs."""

from __future__ import annotations

import shutil

import pytest
from ingest_builders import make_encrypted_pdf, make_pdf, make_scanned_pdf, rasterise

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.pdf import PAGE_SEPARATOR, READER
from claimgraph.ingest.readers import sniff_and_pick

PAGE_ONE = "The garrison commander said the bridge was intact.\nTrucks crossed it at noon."
PAGE_TWO = "Local officials disputed this account and said\nthe bridge had been closed since Monday."
SCANNED = ("The harbour master said three cranes were damaged\n"
           "by shelling overnight, and the port would stay closed.\n"
           "Volunteers reported that two ferries had left before dawn.")

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def read(data: bytes, limits: Limits | None = None, origin: str = "report.pdf"):
    return READER.read(Source(data, origin, "application/pdf"), limits or Limits())


def test_text_layer_pages_and_ranges() -> None:
    data = make_pdf([PAGE_ONE, PAGE_TWO], title="Bridge status", author="Press office")
    [draft] = read(data)
    assert draft.original == data and draft.media_type == "application/pdf"
    assert draft.title == "Bridge status" and draft.author == "Press office"
    assert draft.meta["page_count"] == 2 and "created" in draft.meta
    assert [p.number for p in draft.pages] == [1, 2]
    for page, expected in zip(draft.pages, (PAGE_ONE, PAGE_TWO)):
        assert page.method == "text-layer" and page.ocr_confidence is None
        assert draft.text[page.start:page.end] == expected
    assert draft.text == PAGE_ONE + PAGE_SEPARATOR + PAGE_TWO


def test_blank_page_keeps_its_place() -> None:
    pytest.importorskip("pytesseract")
    data = make_pdf([PAGE_ONE, None, PAGE_TWO])
    [draft] = read(data)
    assert [p.number for p in draft.pages] == [1, 2, 3]
    blank = draft.pages[1]
    assert blank.start == blank.end
    assert draft.text[draft.pages[2].start:draft.pages[2].end] == PAGE_TWO


@needs_tesseract
@pytest.mark.ocr
def test_page_without_text_layer_goes_to_ocr() -> None:
    scan = rasterise(make_pdf([SCANNED], font_size=14), dpi=200)
    data = make_scanned_pdf([PAGE_ONE, scan])
    [draft] = read(data)
    first, second = draft.pages
    assert first.method == "text-layer"
    assert draft.text[first.start:first.end] == PAGE_ONE
    assert second.method == "ocr" and second.ocr_confidence is not None and second.ocr_confidence > 60
    ocr_text = draft.text[second.start:second.end]
    for word in ("harbour", "cranes", "shelling", "ferries", "dawn"):
        assert word in ocr_text
    assert second.words, "OCR pages keep their words"
    for word in second.words:
        assert second.start <= word.start < word.end <= second.end
        assert draft.text[word.start:word.end].strip() == draft.text[word.start:word.end]
    assert any(draft.text[w.start:w.end] == "cranes" for w in second.words)


def test_encrypted_pdf_needs_a_password() -> None:
    pytest.importorskip("cryptography")
    with pytest.raises(CorruptInput) as caught:
        read(make_encrypted_pdf(PAGE_ONE, "s3cret"), origin="locked.pdf")
    assert "password" in caught.value.reason and "qpdf" in caught.value.fix
    assert caught.value.subject == "locked.pdf"


def test_truncated_pdf_is_corrupt() -> None:
    data = make_pdf([PAGE_ONE, PAGE_TWO])
    with pytest.raises(CorruptInput) as caught:
        read(data[: len(data) // 2], origin="cut.pdf")
    assert "truncated" in caught.value.reason and caught.value.fix


def test_garbage_with_pdf_header_is_corrupt() -> None:
    with pytest.raises(CorruptInput):
        read(b"%PDF-1.7\n" + bytes(range(256)) * 16 + b"\n%%EOF\n")
    with pytest.raises(CorruptInput) as caught:
        read(b"this is not a pdf at all\n%%EOF")
    assert "header" in caught.value.reason


def test_empty_pdf_bytes() -> None:
    with pytest.raises(EmptyInput):
        read(b"")


def test_pdf_with_only_blank_pages_is_empty() -> None:
    pytest.importorskip("pytesseract")
    if shutil.which("tesseract") is None:
        pytest.skip("without Tesseract a textless PDF raises OcrUnavailable instead")
    with pytest.raises(EmptyInput):
        read(make_pdf([None]))


def test_page_and_byte_limits() -> None:
    data = make_pdf([PAGE_ONE, PAGE_TWO, PAGE_ONE])
    with pytest.raises(InputTooLarge) as caught:
        read(data, limits=Limits(max_pdf_pages=2))
    assert "3 pages" in caught.value.reason and "--max-pdf-pages" in caught.value.fix
    with pytest.raises(InputTooLarge):
        read(data, limits=Limits(max_bytes=len(data) - 1))


def test_mislabelled_pdf_is_read_as_pdf() -> None:
    data = make_pdf([PAGE_ONE])
    media_type, reader = sniff_and_pick(data, "notes.docx")
    assert reader.name == "pdf"
    [draft] = reader.read(Source(data, "notes.docx", media_type), Limits())
    assert "garrison commander" in draft.text


def test_without_tesseract_text_pages_survive(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimgraph.errors import OcrUnavailable
    from claimgraph.ingest import ocr

    def missing(image, languages=None):
        raise OcrUnavailable("Tesseract is not installed", subject="ocr", fix="apt-get install tesseract-ocr")

    monkeypatch.setattr(ocr, "ocr_image", missing)
    [draft] = read(make_pdf([PAGE_ONE, None]))
    assert draft.meta["ocr_unavailable"] == [2]
    assert draft.text[draft.pages[0].start:draft.pages[0].end] == PAGE_ONE
    with pytest.raises(OcrUnavailable) as caught:
        read(make_pdf([None]), origin="scan.pdf")
    assert caught.value.subject == "scan.pdf" and "Tesseract" in caught.value.fix


def test_a_page_that_fails_ocr_is_recorded_and_the_rest_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimgraph.errors import IngestError
    from claimgraph.ingest import ocr

    def broken(image, languages=None):
        raise IngestError("Tesseract failed: bad image", subject="ocr", fix="check the page")

    monkeypatch.setattr(ocr, "ocr_image", broken)
    [draft] = read(make_pdf([PAGE_ONE, None]))
    assert draft.meta["ocr_errors"] == [{"page": 2, "reason": "Tesseract failed: bad image"}]
