"""The reader registry: which reader reads which media type, and sniff-then-pick for the pipeline.

Readers are imported on first use, so that reading a text file never loads
trafilatura, pypdf or Tesseract. Each reader module exposes a `READER`
instance implementing `claimgraph.ingest.base.Reader`.
This module must not read files or fetch URLs itself.
"""

from __future__ import annotations

from importlib import import_module

from claimgraph.errors import UnsupportedInput
from claimgraph.ingest import sniff
from claimgraph.ingest.base import Reader

# media type -> module holding its READER
REGISTRY: dict[str, str] = {
    sniff.TEXT: "claimgraph.ingest.text",
    "text/markdown": "claimgraph.ingest.text",
    "text/csv": "claimgraph.ingest.text",
    sniff.JSON: "claimgraph.ingest.records",
    sniff.NDJSON: "claimgraph.ingest.records",
    "application/jsonl": "claimgraph.ingest.records",
    sniff.HTML: "claimgraph.ingest.html",
    "application/xhtml+xml": "claimgraph.ingest.html",
    sniff.PDF: "claimgraph.ingest.pdf",
    sniff.DOCX: "claimgraph.ingest.docx",
    sniff.WARC: "claimgraph.ingest.warc",
    sniff.WACZ: "claimgraph.ingest.warc",
    sniff.RSS: "claimgraph.ingest.feed",
    sniff.ATOM: "claimgraph.ingest.feed",
    sniff.PNG: "claimgraph.ingest.image",
    sniff.JPEG: "claimgraph.ingest.image",
    sniff.TIFF: "claimgraph.ingest.image",
    sniff.WEBP: "claimgraph.ingest.image",
}

_FIXES = {
    sniff.GIF: "convert the image to PNG (convert in.gif out.png) and ingest that",
    sniff.ZIP: "unpack the archive and ingest its folder",
    sniff.GZIP: "unpack the file (gunzip) and ingest the result",
    sniff.XML: "only RSS and Atom XML is read; convert other XML to text",
    sniff.UNKNOWN: "check the file's real format; claimgraph reads text, JSON, HTML, PDF, DOCX, images, "
    "WARC/WACZ and RSS/Atom",
}

_cache: dict[str, Reader] = {}


def supported_media_types() -> tuple[str, ...]:
    return tuple(REGISTRY)


def reader_for(media_type: str, subject: str | None = None) -> Reader:
    """The reader for `media_type` (parameters such as "; charset=" ignored); UnsupportedInput when none."""
    base = media_type.split(";", 1)[0].strip().lower()
    module_name = REGISTRY.get(base)
    if module_name is None:
        raise UnsupportedInput(
            f"no reader for media type {base or 'unknown'}",
            subject=subject,
            fix=_FIXES.get(base, _FIXES[sniff.UNKNOWN]),
        )
    if module_name not in _cache:
        try:
            module = import_module(module_name)
        except ImportError as exc:
            raise UnsupportedInput(
                f"the reader for {base} cannot be loaded ({exc})",
                subject=subject,
                fix="reinstall claimgraph with its dependencies (pip install -e .)",
            ) from exc
        reader = getattr(module, "READER", None) or _find_reader(module)
        if reader is None:
            raise UnsupportedInput(f"the reader module for {base} has no READER", subject=subject,
                                   fix="report this to the claimgraph developers")
        _cache[module_name] = reader
    return _cache[module_name]


def _find_reader(module: object) -> Reader | None:
    """A module without READER: instantiate its one `*Reader` class that has `read` and `media_types`."""
    for attribute, value in vars(module).items():
        if (isinstance(value, type) and attribute.endswith("Reader") and attribute != "Reader"
                and getattr(value, "__module__", None) == getattr(module, "__name__", None)
                and callable(getattr(value, "read", None)) and hasattr(value, "media_types")):
            try:
                return value()  # type: ignore[no-any-return]
            except TypeError:
                return None
    return None


def sniff_and_pick(data: bytes, name: str, declared: str | None = None) -> tuple[str, Reader]:
    """Sniff the media type of `data` (named `name`, optionally declared by a server) and pick its reader."""
    media_type = sniff.sniff_media_type(data, name=name, declared=declared)
    return media_type, reader_for(media_type, subject=name)
