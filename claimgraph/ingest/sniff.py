"""Decide the media type of an input from its bytes, its name and what a server declared.

Order of trust: magic bytes first (a PDF named `.txt` is a PDF, a PNG named
`.pdf` is a PNG), then a declared type that says something (an HTTP
Content-Type other than text/plain or octet-stream), then the file extension,
then the content itself (HTML vs JSON vs NDJSON vs feed XML vs plain text).
An extension that claims a binary format whose magic bytes are missing is only
believed when the content is not text, so that the matching reader can report
the file as corrupt.

This module only looks; it must not parse documents or raise for bad input.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from pathlib import PurePosixPath

TEXT = "text/plain"
HTML = "text/html"
JSON = "application/json"
NDJSON = "application/x-ndjson"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WARC = "application/warc"
WACZ = "application/wacz"
RSS = "application/rss+xml"
ATOM = "application/atom+xml"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
WEBP = "image/webp"
GIF = "image/gif"
ZIP = "application/zip"
GZIP = "application/gzip"
XML = "application/xml"
UNKNOWN = "application/octet-stream"

BINARY_KINDS = frozenset({PDF, DOCX, WARC, WACZ, PNG, JPEG, TIFF, WEBP, GIF, ZIP, GZIP})

EXTENSIONS: dict[str, str] = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT, ".csv": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".json": JSON, ".ndjson": NDJSON, ".jsonl": NDJSON,
    ".pdf": PDF, ".docx": DOCX,
    ".warc": WARC, ".warc.gz": WARC, ".wacz": WACZ,
    ".rss": RSS, ".atom": ATOM, ".xml": XML,
    ".png": PNG, ".jpg": JPEG, ".jpeg": JPEG, ".tif": TIFF, ".tiff": TIFF, ".webp": WEBP,
    ".gif": GIF, ".zip": ZIP, ".gz": GZIP,
}

# Declared types that tell us nothing about which reader to use.
UNINFORMATIVE = frozenset({"", TEXT, UNKNOWN, "binary/octet-stream", XML, "text/xml", "application/x-unknown"})
DECLARED_ALIASES = {
    "application/xhtml+xml": HTML,
    "application/x-rss+xml": RSS,
    "application/rdf+xml": RSS,
    "application/jsonl": NDJSON,
    "application/x-jsonlines": NDJSON,
    "application/jsonlines": NDJSON,
    "application/json-seq": NDJSON,
    "image/jpg": JPEG,
    "application/x-pdf": PDF,
}

SAMPLE = 64 * 1024
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(p|div|a|span|br|h[1-6]|article|section|table|meta|title|script)[\s/>]", re.IGNORECASE)
_FEED_ROOT = re.compile(r"<(?:\w+:)?(rss|feed|RDF)[\s>]")


def sniff_media_type(data: bytes, name: str | None = None, declared: str | None = None) -> str:
    """Return the media type of `data`; `name` is a file name or URL path, `declared` a server's type."""
    magic = _magic(data)
    if magic is not None:
        return magic
    declared_type = _normalise_declared(declared)
    if declared_type and declared_type not in UNINFORMATIVE and declared_type not in BINARY_KINDS:
        return declared_type
    by_name = _by_extension(name)
    text_like = _looks_like_text(data)
    if by_name is not None and by_name != XML and (by_name not in BINARY_KINDS or not text_like):
        return by_name
    if not text_like:
        return declared_type if declared_type in BINARY_KINDS else UNKNOWN
    return _by_content(data)


def _normalise_declared(declared: str | None) -> str:
    if not declared:
        return ""
    base = declared.split(";", 1)[0].strip().lower()
    return DECLARED_ALIASES.get(base, base)


def _by_extension(name: str | None) -> str | None:
    if not name:
        return None
    path = PurePosixPath(name.split("?", 1)[0].split("#", 1)[0].replace("\\", "/"))
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and "".join(suffixes[-2:]) in EXTENSIONS:
        return EXTENSIONS["".join(suffixes[-2:])]
    return EXTENSIONS.get(suffixes[-1]) if suffixes else None


def _magic(data: bytes) -> str | None:
    head = data[:16]
    if data[:1024].find(b"%PDF-") != -1:
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return WEBP
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"WARC/"):
        return WARC
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if head.startswith(b"\x1f\x8b"):
        return _gzip_kind(data)
    return None


def _zip_kind(data: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return ZIP
    if "word/document.xml" in names:
        return DOCX
    if "datapackage.json" in names or any(n.startswith("archive/") and ".warc" in n for n in names):
        return WACZ
    return ZIP


def _gzip_kind(data: bytes) -> str:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            start = stream.read(8)
    except (OSError, EOFError):
        return GZIP
    return WARC if start.startswith(b"WARC/") else GZIP


def _decode_sample(data: bytes) -> str:
    sample = data[:SAMPLE]
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if sample.startswith(bom):
            return sample[len(bom):].decode(codec, errors="ignore")
    return sample.decode("utf-8", errors="ignore") if _mostly_utf8(sample) else sample.decode("latin-1")


def _mostly_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 4  # cut inside the last character


def _looks_like_text(data: bytes) -> bool:
    """True when the bytes read as text in some encoding: no NULs (unless UTF-16), few control bytes."""
    sample = data[:SAMPLE]
    if not sample:
        return True
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls <= len(sample) // 100


def _by_content(data: bytes) -> str:
    text = _decode_sample(data).lstrip("\ufeff \t\r\n")
    if not text:
        return TEXT
    if text[0] in "{[":
        kind = _json_kind(text)
        if kind:
            return kind
    if text.startswith("<"):
        if _HTML_START.match(text.encode("utf-8", errors="ignore")):
            return HTML
        root = _FEED_ROOT.search(text[:4096])
        if root:
            return ATOM if root.group(1) == "feed" else RSS
        if re.search(r"<html[\s>]", text[:4096], re.IGNORECASE):
            return HTML
    if _HTML_TAG.search(text[:4096]) and text.lstrip().startswith("<"):
        return HTML
    return TEXT


def _json_kind(sample: str) -> str | None:
    """NDJSON when the first two lines are whole JSON objects; JSON when the start looks like JSON."""
    lines = [line for line in sample.splitlines()[:3] if line.strip()]
    if len(lines) >= 2:
        try:
            objects = [json.loads(line) for line in lines[:2]]
        except ValueError:
            objects = []
        if objects and all(isinstance(obj, dict) for obj in objects):
            return NDJSON
    after = sample[1:].lstrip()
    if sample[0] == "{" and (after[:1] in ('"', "}")):
        return JSON
    if sample[0] == "[" and (after[:1] in ("{", "[", '"', "]") or after[:1].isdigit() or after[:1] == "-"):
        return JSON
    return None
