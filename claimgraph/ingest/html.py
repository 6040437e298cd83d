"""HTML reader: the main text of a web page and its metadata, through trafilatura.

The page's bytes are decoded here (byte-order mark, then the `<meta charset>`
declaration, then strict UTF-8, then charset-normalizer) and handed to
trafilatura, which drops navigation, boilerplate, scripts, styles and event
handlers and returns the article text with title, author, date and site name
(the site name becomes the publisher). When trafilatura finds no main text
(a very short page) the visible text of `<body>` is taken instead, with scripts
and styles removed, and `meta["extraction"]` says "fallback".

Nothing executable ever reaches `DocumentDraft.text`: only text nodes are
kept. This module must not fetch anything (trafilatura is never given the
chance to download) and must not alter `original`.
"""

from __future__ import annotations

import codecs
import re
from datetime import date
from typing import Any

import lxml.etree
import lxml.html

from claimgraph.errors import CorruptInput, EmptyInput
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.guards import check_source, parse_iso_date
from claimgraph.ingest.text import DecodeFailed, decode_bytes, normalise_newlines
from claimgraph.model import DocumentDraft

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "pre", "section", "article", "header", "footer", "dd", "dt", "figcaption",
})
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math")


def decode_html(data: bytes) -> tuple[str, str]:
    """Return (markup, encoding) honouring a BOM, then a `<meta charset>`, then detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", errors="ignore").lower()
            try:
                codec = codecs.lookup(name).name
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; fall back to detection
    return decode_bytes(data)


def visible_text(markup: str) -> str:
    """The visible text of HTML markup: text nodes only, blocks on their own lines, no scripts."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in [*root.iter(*_DROP_TAGS), *root.iter(lxml.etree.Comment)]:
        if element.getparent() is None:
            return ""  # the whole fragment is a script or a comment
        element.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(pieces).split("\n")]
    text = "\n".join(line for line in lines if line)
    return text


def _walk(element: Any, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("head", "title"):
        if element.tail:
            pieces.append(element.tail)
        return
    block = tag.lower() in _BLOCK_TAGS
    if block:
        pieces.append("\n")
    if element.text and tag:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces)
    if block:
        pieces.append("\n")
    if element.tail:
        pieces.append(element.tail)


def read_html(
    data: bytes,
    origin: str,
    limits: Limits,
    *,
    url: str | None = None,
    media_type: str = "text/html",
    reader: str = "html",
    reader_version: str = "1.0",
) -> DocumentDraft:
    """One HTML page as a draft; used by the HTML, WARC and URL paths alike."""
    import trafilatura

    check_source(Source(data, origin, media_type), limits, "HTML")
    try:
        markup, encoding = decode_html(data)
    except DecodeFailed as exc:
        raise CorruptInput(f"not readable as HTML: {exc}", subject=origin,
                           fix="check the file's real format; HTML must be text") from exc
    meta: dict[str, Any] = {"encoding": encoding, "extraction": "trafilatura"}
    extracted = None
    try:
        extracted = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False,
            include_tables=True, include_links=False, include_images=False,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:
        meta["extraction_error"] = str(exc)
    body = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not body.strip():
        body = visible_text(markup)
        meta["extraction"] = "fallback"
    text, _ = normalise_newlines(body)
    if not text.strip():
        raise EmptyInput("HTML page has no visible text", subject=origin,
                         fix="the page may need JavaScript to render; save the rendered page instead")
    title = _clean(getattr(extracted, "title", None)) or _html_title(markup)
    published = _date(getattr(extracted, "date", None))
    for key in ("hostname", "description"):
        value = getattr(extracted, key, None)
        if value:
            meta[key] = value
    return DocumentDraft(
        original=data,
        media_type=media_type,
        origin=origin,
        text=text,
        reader=reader,
        reader_version=reader_version,
        final_url=url,
        title=title,
        author=_clean(getattr(extracted, "author", None)),
        publisher=_clean(getattr(extracted, "sitename", None)),
        published=published,
        meta=meta,
    )


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _html_title(markup: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    return _clean(visible_text(f"<div>{match.group(1)}</div>")) if match else None


def _date(value: str | None) -> date | None:
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


class HtmlReader:
    name = "html"
    version = "1.0"
    media_types = ("text/html", "application/xhtml+xml")

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        url = source.origin if source.origin.startswith(("http://", "https://")) else None
        return [read_html(source.data, source.origin, limits, url=url,
                          media_type=source.media_type or "text/html",
                          reader=self.name, reader_version=self.version)]


READER = HtmlReader()
