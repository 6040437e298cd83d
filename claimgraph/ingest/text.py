"""Plain-text reader: detect the encoding, decode, and nothing else.

Encodings are found in this order: a byte-order mark (UTF-8, UTF-16, UTF-32),
strict UTF-8, then charset-normalizer's best guess (cp1251, koi8-r, EUC-KR,
latin-1 and the rest). The detected encoding is recorded in
`meta["encoding"]`.

The only change made to the decoded text is line endings: "\\r\\n" and lone
"\\r" become "\\n", so that every character offset into `DocumentDraft.text`
means the same thing whichever system wrote the file. The untouched bytes stay
in `DocumentDraft.original`; `meta["newlines"]` says what was converted.
The reader must not strip, reflow or otherwise clean the text.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from claimgraph.errors import CorruptInput, EmptyInput
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.guards import check_source
from claimgraph.model import DocumentDraft

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Above this share of control characters the "text" is really binary.
MAX_CONTROL_SHARE = 0.02


class DecodeFailed(ValueError):
    """The bytes are not text in any encoding we can detect."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeFailed for binary data."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec.replace("-sig", "")), codec
            except UnicodeDecodeError as exc:
                raise DecodeFailed(f"starts with a {codec} byte-order mark but does not decode ({exc.reason})") from exc
    try:
        text = data.decode("utf-8")
        encoding = "ascii" if text.isascii() else "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise DecodeFailed("no text encoding fits these bytes") from None
        encoding = best.encoding
        text = str(best)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise DecodeFailed("the bytes decode to mostly control characters, so this is binary data")
    return text, encoding


def normalise_newlines(text: str) -> tuple[str, str]:
    """Return text with "\\r\\n" and "\\r" as "\\n", and which convention the input used."""
    if "\r" not in text:
        return text, "lf"
    crlf = text.count("\r\n")
    converted = text.replace("\r\n", "\n")
    lone_cr = converted.count("\r")
    converted = converted.replace("\r", "\n")
    if crlf and not lone_cr:
        return converted, "crlf"
    if lone_cr and not crlf:
        return converted, "cr"
    return converted, "mixed"


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\x1b")
    return controls / len(sample)


class TextReader:
    name = "text"
    version = "1.0"
    media_types = ("text/plain", "text/markdown", "text/csv")

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        check_source(source, limits, "text")
        try:
            decoded, encoding = decode_bytes(source.data)
        except DecodeFailed as exc:
            raise CorruptInput(
                f"not readable as text: {exc}",
                subject=source.origin,
                fix="check the file's real format; if it is text, convert it to UTF-8 (iconv -t UTF-8)",
            ) from exc
        text, newlines = normalise_newlines(decoded)
        if not text.strip():
            raise EmptyInput("text holds only whitespace", subject=source.origin, fix="leave the file out")
        return [
            DocumentDraft(
                original=source.data,
                media_type=source.media_type or "text/plain",
                origin=source.origin,
                text=text,
                reader=self.name,
                reader_version=self.version,
                meta={"encoding": encoding, "newlines": newlines},
            )
        ]


READER = TextReader()
