"""Media-type sniffing: magic bytes first, then a declared type, then the extension, then the content."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from ingest_builders import html_page, make_docx, make_pdf, make_wacz, make_warc
from PIL import Image

from claimgraph.errors import UnsupportedInput
from claimgraph.ingest import sniff
from claimgraph.ingest.readers import reader_for, sniff_and_pick

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 255, 255)).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt, expected", [("PNG", sniff.PNG), ("JPEG", sniff.JPEG), ("TIFF", sniff.TIFF),
                                           ("WEBP", sniff.WEBP)])
def test_images_by_magic(fmt: str, expected: str) -> None:
    assert sniff.sniff_media_type(image_bytes(fmt), "photo.bin") == expected


def test_pdf_named_txt_is_a_pdf() -> None:
    data = make_pdf(["The depot burned for two days."])
    assert sniff.sniff_media_type(data, "report.txt") == sniff.PDF


def test_png_named_pdf_is_a_png() -> None:
    assert sniff.sniff_media_type(png_bytes(), "scan.pdf") == sniff.PNG


def test_png_named_pdf_goes_to_the_image_reader() -> None:
    pytest.importorskip("claimgraph.ingest.image")
    media_type, reader = sniff_and_pick(png_bytes(), "scan.pdf")
    assert media_type == sniff.PNG
    assert "image/png" in reader.media_types


def test_docx_wacz_and_warc_by_content() -> None:
    assert sniff.sniff_media_type(make_docx(["One paragraph."]), "x.zip") == sniff.DOCX
    warc = make_warc([{"url": "http://a.example/", "body": html_page("A", "Text.")}])
    assert sniff.sniff_media_type(warc, "capture.bin") == sniff.WARC
    assert sniff.sniff_media_type(make_warc([{"url": "http://a.example/", "body": b"<p>x</p>"}], gzip=False),
                                  None) == sniff.WARC
    assert sniff.sniff_media_type(make_wacz({"data.warc.gz": warc}), "crawl.zip") == sniff.WACZ


def test_plain_gzip_and_zip_are_not_warc_or_docx() -> None:
    assert sniff.sniff_media_type(gzip.compress(b"just text"), "notes.gz") == sniff.GZIP
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    assert sniff.sniff_media_type(buffer.getvalue(), "bundle.zip") == sniff.ZIP
    with pytest.raises(UnsupportedInput) as caught:
        sniff_and_pick(buffer.getvalue(), "bundle.zip")
    assert caught.value.subject == "bundle.zip" and "unpack" in caught.value.fix


@pytest.mark.parametrize("name, expected", [
    ("notes.txt", sniff.TEXT), ("page.htm", sniff.HTML), ("rows.jsonl", sniff.NDJSON),
    ("rows.ndjson", sniff.NDJSON), ("one.json", sniff.JSON), ("x.rss", sniff.RSS), ("x.atom", sniff.ATOM),
])
def test_extension_decides_between_text_kinds(name: str, expected: str) -> None:
    assert sniff.sniff_media_type(b"Some words here.\n", name) == expected


def test_text_named_pdf_is_read_by_content() -> None:
    # An extension claiming a binary format is not believed for text content.
    assert sniff.sniff_media_type(b"Only a plain note, no PDF at all.\n", "scan.pdf") == sniff.TEXT
    assert sniff.sniff_media_type(b"<!doctype html><p>hi</p>", "photo.png") == sniff.HTML


def test_binary_garbage_named_pdf_stays_pdf_for_the_reader_to_reject() -> None:
    garbage = bytes(range(256)) * 4
    assert sniff.sniff_media_type(garbage, "broken.pdf") == sniff.PDF
    assert sniff.sniff_media_type(garbage, "mystery") == sniff.UNKNOWN


@pytest.mark.parametrize("data, expected", [
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", sniff.HTML),
    (b"  <html lang='en'><p>x</p></html>", sniff.HTML),
    (b"<div><p>A fragment of a page.</p></div>", sniff.HTML),
    (json.dumps({"text": "a"}).encode(), sniff.JSON),
    (json.dumps([{"text": "a"}, {"text": "b"}]).encode(), sniff.JSON),
    (b'{"text": "a"}\n{"text": "b"}\n', sniff.NDJSON),
    (b"[Update] The governor spoke at noon.", sniff.TEXT),
    (b"Plain report text.\nSecond line.", sniff.TEXT),
    ("Доклад без расширения.".encode("cp1251"), sniff.TEXT),
    ("\ufeffText with a byte-order mark.".encode("utf-16"), sniff.TEXT),
])
def test_content_decides_without_a_name(data: bytes, expected: str) -> None:
    assert sniff.sniff_media_type(data, None) == expected


def test_feeds_by_content() -> None:
    assert sniff.sniff_media_type((FIXTURES / "feed.rss").read_bytes(), "feed") == sniff.RSS
    assert sniff.sniff_media_type((FIXTURES / "feed.atom").read_bytes(), "feed.xml") == sniff.ATOM
    assert sniff.sniff_media_type(b"<?xml version='1.0'?><catalog><book/></catalog>", "c.xml") == sniff.TEXT


def test_declared_type_is_a_hint_after_magic() -> None:
    assert sniff.sniff_media_type(b"<p>x</p>", "/feed", declared="application/rss+xml") == sniff.RSS
    assert sniff.sniff_media_type(make_pdf(["x"]), "/page", declared="text/html; charset=utf-8") == sniff.PDF
    # text/plain and octet-stream say nothing: the content decides.
    assert sniff.sniff_media_type(b"<!doctype html><p>x</p>", "/a", declared="text/plain") == sniff.HTML


def test_reader_for_every_sniffed_kind() -> None:
    for media_type, name in [(sniff.TEXT, "text"), (sniff.JSON, "records"), (sniff.NDJSON, "records"),
                             (sniff.HTML, "html"), (sniff.PDF, "pdf"), (sniff.DOCX, "docx"),
                             (sniff.WARC, "warc"), (sniff.WACZ, "warc"), (sniff.RSS, "feed"),
                             (sniff.ATOM, "feed")]:
        assert reader_for(media_type).name == name
    assert reader_for("text/html; charset=utf-8").name == "html"


def test_unknown_media_type_is_unsupported_with_a_fix() -> None:
    with pytest.raises(UnsupportedInput) as caught:
        reader_for("application/octet-stream", subject="blob.bin")
    assert caught.value.subject == "blob.bin"
    assert caught.value.fix


def test_every_registered_reader_claims_its_media_types() -> None:
    from claimgraph.ingest.readers import REGISTRY

    for media_type, module in REGISTRY.items():
        if module.endswith(".image"):
            continue  # owned by the OCR work; checked where that reader is tested
        reader = reader_for(media_type)
        assert media_type in reader.media_types, (media_type, reader.name)
        assert reader.name and reader.version
