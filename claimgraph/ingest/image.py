"""Reader for page images (PNG, JPEG, TIFF, WebP): every frame is a page read by OCR.

Scans and phone photographs of documents arrive as images with no text
layer; this reader checks their declared size against the decompression-bomb
guard before decoding a single pixel, decodes them with Pillow (a truncated or
corrupt file is a typed error, never a half-read page), and hands each frame
(a multi-page TIFF has several) to `claimgraph.ingest.ocr`. Each page keeps
Tesseract's per-word confidence.

Must not write files, touch the ledger, or decode an image larger than
`Limits.max_image_pixels`.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.language import detect_language
from claimgraph.ingest.ocr import OcrResult, ocr_image
from claimgraph.model import DocumentDraft, OcrWord, Page

NAME = "image"
VERSION = "1"

PAGE_SEPARATOR = "\n\n"
MULTI_PAGE_FORMATS = {"TIFF"}  # other formats' extra frames are animation, not pages
MEDIA_TYPE_OF_FORMAT = {
    "PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg", "TIFF": "image/tiff",
    "WEBP": "image/webp", "GIF": "image/gif", "BMP": "image/bmp",
}


class ImageReader:
    """OCR every page of an image file; one document per file."""

    name = NAME
    version = VERSION
    media_types = ("image/png", "image/jpeg", "image/tiff", "image/webp")

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        return read(source, limits)


def read(source: Source, limits: Limits) -> list[DocumentDraft]:
    """OCR every page of the image in `source`; one document per file."""
    if not source.data:
        raise EmptyInput("the file is empty (0 bytes)", subject=source.origin,
                         fix="check the file was copied or downloaded completely")
    if len(source.data) > limits.max_bytes:
        raise InputTooLarge(
            f"{len(source.data)} bytes exceeds the limit of {limits.max_bytes}",
            subject=source.origin, fix="raise the max_bytes limit if the file is trusted",
        )
    image = open_image(source, limits)
    texts: list[str] = []
    pages: list[Page] = []
    notes: list[dict[str, object]] = []
    length = 0
    for number, frame in enumerate(frames(image, source, limits), start=1):
        result = ocr_image(frame)
        if pages:
            length += len(PAGE_SEPARATOR)
        pages.append(page_of(number, length, result))
        texts.append(result.text)
        length += len(result.text)
        notes.append(ocr_notes(number, result))
    text = PAGE_SEPARATOR.join(texts)
    if not text.strip():
        raise EmptyInput(
            "OCR found no text in the image", subject=source.origin,
            fix="check the image shows a page of text; register photos of objects as items instead",
        )
    language, confidence = detect_language(text)
    image_format = image.format or "unknown"
    return [DocumentDraft(
        original=source.data,
        media_type=MEDIA_TYPE_OF_FORMAT.get(image_format, source.media_type),
        origin=source.origin,
        text=text,
        reader=NAME,
        reader_version=VERSION,
        language=language,
        language_confidence=confidence,
        pages=pages,
        meta={"image_format": image_format, "width": image.width, "height": image.height,
              "ocr": notes},
    )]


def open_image(source: Source, limits: Limits) -> Image.Image:
    """Open the image lazily (header only) and check its size before any pixel is decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(source.data))
    except Image.DecompressionBombError as exc:
        raise too_many_pixels(source, limits, str(exc)) from exc
    except UnidentifiedImageError as exc:
        raise CorruptInput(
            "not a readable PNG, JPEG, TIFF or WebP image", subject=source.origin,
            fix="check the file type; re-export the image if it was damaged",
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise corrupt(source, exc) from exc
    check_pixels(image, source, limits)
    return image


def frames(image: Image.Image, source: Source, limits: Limits) -> Iterator[Image.Image]:
    """Each page of the image, decoded, turned upright by its EXIF orientation."""
    count = getattr(image, "n_frames", 1) if image.format in MULTI_PAGE_FORMATS else 1
    if count > limits.max_pdf_pages:
        raise InputTooLarge(
            f"{count} pages exceeds the limit of {limits.max_pdf_pages}",
            subject=source.origin, fix="split the file or raise the max_pdf_pages limit",
        )
    for index in range(count):
        try:
            image.seek(index)
            check_pixels(image, source, limits)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image.load()
                frame = ImageOps.exif_transpose(image.copy()) or image.copy()
        except (InputTooLarge, CorruptInput):
            raise
        except Image.DecompressionBombError as exc:
            raise too_many_pixels(source, limits, str(exc)) from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise corrupt(source, exc, page=index + 1 if count > 1 else None) from exc
        yield frame


def check_pixels(image: Image.Image, source: Source, limits: Limits) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise CorruptInput(f"the image claims a size of {width}x{height}", subject=source.origin,
                           fix="re-export the image")
    if width * height > limits.max_image_pixels:
        raise too_many_pixels(source, limits, f"{width}x{height} = {width * height} pixels")


def too_many_pixels(source: Source, limits: Limits, detail: str) -> InputTooLarge:
    return InputTooLarge(
        f"image too large ({detail}; limit {limits.max_image_pixels} pixels), "
        "possibly a decompression bomb",
        subject=source.origin,
        fix="downscale the image, or raise max_image_pixels if the file is trusted",
    )


def corrupt(source: Source, exc: BaseException, page: int | None = None) -> CorruptInput:
    where = f" (page {page})" if page else ""
    return CorruptInput(
        f"the image is truncated or corrupt{where}: {exc}", subject=source.origin,
        fix="fetch or copy the file again; re-export it if the original is damaged",
    )


def page_of(number: int, start: int, result: OcrResult) -> Page:
    """A page starting at `start` of the document text; its words index the document text too.

    Document offsets, as the PDF reader gives them, so that a word's range
    can be shown and searched like any statement's span.
    """
    return Page(
        number=number,
        start=start,
        end=start + len(result.text),
        ocr_confidence=result.confidence,
        method="ocr",
        words=[OcrWord(start + w.start, start + w.end, w.confidence) for w in result.words],
    )


def ocr_notes(number: int, result: OcrResult) -> dict[str, object]:
    return {
        "page": number,
        "languages": list(result.languages),
        "language": result.language,
        "script": result.script,
        "rotation": result.rotation,
        "scale": result.scale,
        "confidence": result.confidence,
        **result.meta,
    }


READER = ImageReader()
