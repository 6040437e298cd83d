"""PDF reader: the text layer page by page, OCR for pages that have none.

pypdf extracts each page's text layer. A page whose layer holds fewer than
`MIN_LAYER_CHARS` visible characters (a scan, a photographed page) is
rendered with pypdfium2 at 300 dpi (less when that would exceed
`Limits.max_image_pixels`) and read by `claimgraph.ingest.ocr.ocr_image`; the
OCR text replaces the layer when it holds more. Pages are joined by a blank
line ("\\n\\n"); each `Page` record gives its number (1-based), its character
range in the document text, how it was read, and for OCR pages the mean and
per-word confidence, with word offsets shifted into the document text.

The PDF's Info title and author fill the draft; its creation date goes to
`meta["created"]` (creation is not publication). Encrypted PDFs that need a
password, damaged and truncated PDFs raise CorruptInput with a fix; more than
`Limits.max_pdf_pages` pages raise InputTooLarge. When Tesseract is missing,
text-layer pages are still returned and `meta["ocr_unavailable"]` lists the
pages not read; a PDF with no text at all then raises OcrUnavailable. A page
that fails to render or to OCR is listed in `meta["ocr_errors"]` and the other
pages go on.
This module must not write files or change `original`.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from claimgraph.errors import CorruptInput, EmptyInput, IngestError, InputTooLarge, OcrUnavailable
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.guards import check_source
from claimgraph.ingest.text import normalise_newlines
from claimgraph.model import DocumentDraft, OcrWord, Page

MIN_LAYER_CHARS = 16
OCR_DPI = 300
PAGE_SEPARATOR = "\n\n"
EOF_WINDOW = 2048  # "%%EOF" must appear this close to the end of an intact file


def _corrupt(origin: str, reason: str) -> CorruptInput:
    return CorruptInput(
        reason, subject=origin,
        fix="the PDF is damaged or truncated; obtain a fresh copy, or repair it with `qpdf in.pdf out.pdf`",
    )


class PdfReader:
    name = "pdf"
    version = "1.0"
    media_types = ("application/pdf",)

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        import pypdf
        from pypdf.errors import PdfReadError

        check_source(source, limits, "PDF")
        data = source.data
        if data[:1024].find(b"%PDF-") == -1:
            raise _corrupt(source.origin, "not a PDF: the %PDF- header is missing")
        if b"%%EOF" not in data[-EOF_WINDOW:]:
            raise _corrupt(source.origin, "the PDF is truncated: its end-of-file marker is missing")
        try:
            pdf = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if pdf.is_encrypted and not _decrypts_without_password(pdf):
                raise CorruptInput(
                    "the PDF is encrypted and needs a password",
                    subject=source.origin,
                    fix="decrypt it first (qpdf --password=PASSWORD --decrypt in.pdf out.pdf)",
                )
            page_count = len(pdf.pages)
        except CorruptInput:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            raise _corrupt(source.origin, f"the PDF cannot be parsed ({exc})") from exc
        if page_count == 0:
            raise EmptyInput("the PDF has no pages", subject=source.origin, fix="leave the file out")
        if page_count > limits.max_pdf_pages:
            raise InputTooLarge(
                f"the PDF has {page_count:,} pages, over the limit of {limits.max_pdf_pages:,}",
                subject=source.origin,
                fix="raise the page limit (--max-pdf-pages) or split the PDF",
            )

        layers: list[str] = []
        for index in range(page_count):
            try:
                layer = pdf.pages[index].extract_text() or ""
            except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
                raise _corrupt(source.origin, f"page {index + 1} cannot be read ({exc})") from exc
            layers.append(normalise_newlines(layer)[0].strip("\n"))

        meta: dict[str, Any] = {"page_count": page_count}
        pages_ocr = self._ocr_pages(data, layers, limits, meta, source.origin)
        text, pages = _assemble(layers, pages_ocr)
        if not text.strip():
            if meta.get("ocr_unavailable"):
                raise OcrUnavailable(
                    "the PDF has no text layer and Tesseract is not available to read its pages",
                    subject=source.origin,
                    fix="install Tesseract (apt-get install tesseract-ocr tesseract-ocr-eng ...)",
                )
            raise EmptyInput("the PDF holds no text, neither in a text layer nor by OCR",
                             subject=source.origin, fix="check that the pages are not blank")
        info = _info(pdf)
        meta.update({key: value for key, value in info.items() if key not in ("title", "author")})
        return [
            DocumentDraft(
                original=data,
                media_type="application/pdf",
                origin=source.origin,
                text=text,
                reader=self.name,
                reader_version=self.version,
                title=info.get("title"),
                author=info.get("author"),
                pages=pages,
                meta=meta,
            )
        ]

    def _ocr_pages(
        self, data: bytes, layers: list[str], limits: Limits, meta: dict[str, Any], origin: str
    ) -> dict[int, Any]:
        """OCR results (index -> OcrResult) for the pages whose text layer is (nearly) empty."""
        wanted = [i for i, layer in enumerate(layers) if len(re.sub(r"\s", "", layer)) < MIN_LAYER_CHARS]
        if not wanted:
            return {}
        try:
            from claimgraph.ingest.ocr import ocr_image
        except ImportError:  # OCR extras not installed
            meta["ocr_unavailable"] = [i + 1 for i in wanted]
            return {}
        import pypdfium2

        results: dict[int, Any] = {}
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise _corrupt(origin, f"the PDF cannot be rendered for OCR ({exc})") from exc
        try:
            for index in wanted:
                page = document[index]
                width, height = page.get_size()  # points
                scale = OCR_DPI / 72
                pixels = width * height * scale * scale
                if pixels > limits.max_image_pixels:
                    scale *= (limits.max_image_pixels / pixels) ** 0.5
                try:
                    image = page.render(scale=scale).to_pil()
                    result = ocr_image(image)
                except OcrUnavailable as exc:
                    meta["ocr_unavailable"] = [i + 1 for i in wanted]
                    meta["ocr_error"] = exc.reason
                    return {}
                except (IngestError, pypdfium2.PdfiumError) as exc:  # one bad page must not lose the rest
                    reason = exc.reason if isinstance(exc, IngestError) else str(exc)
                    meta.setdefault("ocr_errors", []).append({"page": index + 1, "reason": reason})
                    continue
                if len(result.text.strip()) > len(layers[index].strip()):
                    results[index] = result
        finally:
            document.close()
        return results


def _assemble(layers: list[str], ocr: dict[int, Any]) -> tuple[str, list[Page]]:
    parts: list[str] = []
    pages: list[Page] = []
    position = 0
    for index, layer in enumerate(layers):
        if index:
            parts.append(PAGE_SEPARATOR)
            position += len(PAGE_SEPARATOR)
        result = ocr.get(index)
        if result is not None:
            page_text = normalise_newlines(result.text)[0]
            words = [OcrWord(position + w.start, position + w.end, w.confidence) for w in result.words]
            page = Page(index + 1, position, position + len(page_text),
                        ocr_confidence=result.confidence, method="ocr", words=words)
        else:
            page_text = layer
            page = Page(index + 1, position, position + len(page_text))
        parts.append(page_text)
        pages.append(page)
        position += len(page_text)
    return "".join(parts), pages


def _decrypts_without_password(pdf: Any) -> bool:
    """Many PDFs are encrypted with an empty user password (only printing or copying is restricted)."""
    try:
        return bool(pdf.decrypt(""))
    except Exception:  # noqa: BLE001 - pypdf raises several types here (missing crypto backend among them)
        return False


def _info(pdf: Any) -> dict[str, Any]:
    try:
        info = pdf.metadata
    except Exception:  # noqa: BLE001 - a damaged Info dictionary must not lose the text
        return {}
    if not info:
        return {}
    found: dict[str, Any] = {}
    for key, attribute in (("title", "title"), ("author", "author"), ("subject", "subject"),
                           ("creator", "creator"), ("producer", "producer")):
        try:
            value = getattr(info, attribute)
        except Exception:  # noqa: BLE001 - a malformed entry must not lose the text
            value = None
        if isinstance(value, str) and value.strip():
            found[key] = value.strip()
    for key, attribute in (("created", "creation_date"), ("modified", "modification_date")):
        try:
            value = getattr(info, attribute)
        except Exception:  # noqa: BLE001 - malformed dates raise ValueError or TypeError
            value = None
        if isinstance(value, datetime):
            found[key] = value.isoformat()
    return found


READER = PdfReader()
