"""The image reader: real images through real Tesseract, and typed errors for bad files."""

from __future__ import annotations

import io
import shutil
import struct
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import SAMPLES, FontMissing, degrade, jpeg_bytes, png_bytes, render_page

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest import image as image_reader
from claimgraph.ingest.base import Limits, Source

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def rendered(language: str) -> Image.Image:
    try:
        return render_page(SAMPLES[language], language)
    except FontMissing as exc:
        pytest.skip(str(exc))


def source(data: bytes, media_type: str = "image/png", origin: str = "page.png") -> Source:
    return Source(data=data, origin=origin, media_type=media_type)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk (valid CRC) claiming `width` x `height`, then IEND: no pixels."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_reader_interface_and_registry() -> None:
    from claimgraph.ingest.readers import reader_for

    reader = reader_for("image/jpeg")
    assert reader is image_reader.READER
    assert reader.name == "image"
    assert set(reader.media_types) >= {"image/png", "image/jpeg", "image/tiff", "image/webp"}


@needs_tesseract
@pytest.mark.ocr
def test_jpeg_photo_becomes_one_ocr_page_with_word_confidences() -> None:
    photo = degrade(rendered("ru"), seed=11, rotate=1.5)
    data = jpeg_bytes(photo, quality=75)
    [doc] = image_reader.READER.read(source(data, "image/jpeg", "photo.jpg"), Limits())
    assert doc.original == data
    assert doc.media_type == "image/jpeg"
    assert doc.language == "ru"
    assert "перекрыта до самого утра" in doc.text
    [page] = doc.pages
    assert (page.number, page.start, page.end, page.method) == (1, 0, len(doc.text), "ocr")
    assert page.ocr_confidence is not None and page.ocr_confidence > 70
    assert [doc.text[w.start:w.end] for w in page.words][:3] == doc.text.split()[:3]
    assert doc.meta["ocr"][0]["languages"] == ["rus"]


@needs_tesseract
@pytest.mark.ocr
def test_multi_page_tiff_gives_one_page_per_frame() -> None:
    english, korean = rendered("en"), rendered("ko")
    buffer = io.BytesIO()
    english.save(buffer, format="TIFF", save_all=True, append_images=[korean], compression="tiff_lzw")
    [doc] = image_reader.READER.read(source(buffer.getvalue(), "image/tiff", "scan.tiff"), Limits())
    assert [p.number for p in doc.pages] == [1, 2]
    first, second = doc.pages
    assert first.start == 0 and second.start > first.end
    assert "supply depots" in doc.text[first.start:first.end]
    assert "국가정보원" in doc.text[second.start:second.end]
    assert [n["languages"] for n in doc.meta["ocr"]] == [["eng"], ["kor"]]
    # Word ranges index the document text and fall inside their own page.
    for page in doc.pages:
        assert page.words
        assert all(page.start <= w.start < w.end <= page.end for w in page.words)
        assert "".join(doc.text[w.start:w.end] for w in page.words) == "".join(
            doc.text[page.start:page.end].split())


@needs_tesseract
@pytest.mark.ocr
def test_webp_is_read() -> None:
    buffer = io.BytesIO()
    rendered("uk").save(buffer, format="WEBP", quality=90)
    [doc] = image_reader.READER.read(source(buffer.getvalue(), "image/webp", "page.webp"), Limits())
    assert doc.language == "uk"
    assert doc.meta["ocr"][0]["languages"] == ["ukr"]


def test_empty_file_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        image_reader.READER.read(source(b""), Limits())


def test_bytes_that_are_no_image_are_corrupt_input() -> None:
    with pytest.raises(CorruptInput) as caught:
        image_reader.READER.read(source(b"<html>not a picture</html>"), Limits())
    assert caught.value.subject == "page.png"
    assert caught.value.fix


def test_truncated_png_is_corrupt_input() -> None:
    data = png_bytes(Image.effect_noise((400, 300), 60))
    with pytest.raises(CorruptInput) as caught:
        image_reader.READER.read(source(data[: len(data) // 2]), Limits())
    assert "truncated" in caught.value.reason


def test_truncated_jpeg_is_corrupt_input() -> None:
    data = jpeg_bytes(Image.effect_noise((400, 300), 60))
    with pytest.raises(CorruptInput):
        image_reader.READER.read(source(data[: len(data) // 3], "image/jpeg", "photo.jpg"), Limits())


def test_decompression_bomb_header_is_refused_before_decoding() -> None:
    bomb = png_header_only(100_000, 100_000)
    assert len(bomb) < 100
    with pytest.raises(InputTooLarge) as caught:
        image_reader.READER.read(source(bomb, origin="bomb.png"), Limits())
    assert "decompression bomb" in caught.value.reason


def test_pixel_limit_is_the_callers() -> None:
    header = png_header_only(3000, 3000)  # 9 Mpx: under Pillow's own guard, over ours
    with pytest.raises(InputTooLarge) as caught:
        image_reader.READER.read(source(header), Limits(max_image_pixels=1_000_000))
    assert "9000000 pixels" in caught.value.reason


def test_byte_limit() -> None:
    data = png_bytes(Image.new("L", (50, 50), 255))
    with pytest.raises(InputTooLarge):
        image_reader.READER.read(source(data), Limits(max_bytes=10))


@needs_tesseract
@pytest.mark.ocr
def test_image_without_text_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        image_reader.READER.read(source(png_bytes(Image.new("RGB", (500, 300), "white"))), Limits())
