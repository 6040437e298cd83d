"""RSS and Atom reader: every feed entry a document, through feedparser.

An entry's text is its full content when the feed carries it, else its summary,
with the markup stripped to visible text (feedparser has already removed
scripts and event handlers; `visible_text` keeps only text nodes). An entry
with neither keeps its title as text and says so in `meta["text_from"]`.
The entry link becomes `final_url`; its published (or updated) date,
author and title fill the draft; the feed's title becomes the publisher.

Originals: each entry's `original` is the entry's own bytes, the
`<item>...</item>` or `<entry>...</entry>` slice of the file (CDATA sections
and comments are skipped when looking for the tags), when the slices found in
the raw bytes match feedparser's entries one to one; otherwise it is
the whole file and only the locator ("entry N", 1-based) tells the entries
apart. `meta["original_is"]` says which ("entry" or "container").
`container` always holds the whole file.

An entry that yields no text at all is listed in `meta["record_errors"]` of
the first draft (see the records reader). A document that is not a feed
raises CorruptInput; a feed without entries raises EmptyInput.
This module must not fetch entry links or enclosures.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from claimgraph.errors import CorruptInput, EmptyInput
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.guards import check_record_count, check_source, record_error
from claimgraph.ingest.html import visible_text
from claimgraph.ingest.text import normalise_newlines
from claimgraph.model import DocumentDraft

_ENTRY_SLICE = re.compile(
    rb"<(?P<tag>(?:[A-Za-z][\w.-]*:)?(?:item|entry))(?:\s[^>]*)?>.*?</(?P=tag)\s*>", re.DOTALL
)
_SELF_CLOSING_ITEM = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)(?:\s[^>]*)?/>")
_MASKED = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.DOTALL)


class FeedReader:
    name = "feed"
    version = "1.0"
    media_types = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        import feedparser

        check_source(source, limits, "feed")
        parsed = feedparser.parse(source.data, sanitize_html=True, resolve_relative_uris=False)
        version = parsed.get("version") or ""
        entries = parsed.get("entries") or []
        if not version and not entries:
            problem = parsed.get("bozo_exception")
            raise CorruptInput(
                "not an RSS or Atom feed" + (f" ({problem})" if problem else ""),
                subject=source.origin,
                fix="check the file's real format; a damaged feed must be fetched again",
            )
        if not entries:
            raise EmptyInput("the feed has no entries", subject=source.origin, fix="leave the file out")
        check_record_count(len(entries), source, limits, "entry")
        slices = _entry_slices(source.data)
        own_bytes = len(slices) == len(entries)
        feed_info = parsed.get("feed", {})
        publisher = _plain(feed_info.get("title"))
        media_type = "application/atom+xml" if version.startswith("atom") else "application/rss+xml"
        drafts: list[DocumentDraft] = []
        errors: list[dict[str, str]] = []
        for number, entry in enumerate(entries, start=1):
            locator = f"entry {number}"
            text, text_from = _entry_text(entry)
            if not text.strip():
                errors.append(record_error(locator, "the entry has no content, summary or title",
                                           "nothing to read; the entry is left out"))
                continue
            link = entry.get("link") or None
            meta: dict[str, Any] = {
                "text_from": text_from,
                "original_is": "entry" if own_bytes else "container",
                "feed_version": version,
            }
            if entry.get("id"):
                meta["entry_id"] = entry["id"]
            if entry.get("tags"):
                meta["tags"] = [tag.get("term") for tag in entry["tags"] if tag.get("term")]
            drafts.append(
                DocumentDraft(
                    original=slices[number - 1] if own_bytes else source.data,
                    media_type=media_type,
                    origin=source.origin,
                    text=text,
                    reader=self.name,
                    reader_version=self.version,
                    final_url=link,
                    locator=locator,
                    container=source.data,
                    container_media_type=source.media_type or media_type,
                    title=_plain(entry.get("title")),
                    author=_plain(entry.get("author")),
                    publisher=publisher,
                    published=_entry_date(entry),
                    retrieved=None,
                    meta=meta,
                )
            )
        if not drafts:
            raise EmptyInput("no feed entry holds any text", subject=source.origin, fix="leave the file out")
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            drafts[0].meta["feed_warning"] = str(parsed["bozo_exception"])
        if errors:
            drafts[0].meta["record_errors"] = errors
        return drafts


def _entry_slices(data: bytes) -> list[bytes]:
    """The raw bytes of each item/entry element, found in a copy with CDATA and comments blanked out."""
    masked = _MASKED.sub(lambda match: b" " * len(match.group(0)), data)
    if _SELF_CLOSING_ITEM.search(masked):
        return []
    return [data[match.start():match.end()] for match in _ENTRY_SLICE.finditer(masked)]


def _entry_text(entry: Any) -> tuple[str, str]:
    for content in entry.get("content") or []:
        text = _markup_to_text(content.get("value") or "", content.get("type") or "")
        if text.strip():
            return text, "content"
    summary = entry.get("summary") or ""
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        text = _markup_to_text(summary, detail.get("type") or "text/html")
        if text.strip():
            return text, "summary"
    return _plain(entry.get("title")) or "", "title"


def _markup_to_text(value: str, content_type: str) -> str:
    if "html" in content_type or "<" in value:
        value = visible_text(f"<div>{value}</div>")
    return normalise_newlines(value.strip())[0]


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    if "<" in value:
        value = visible_text(f"<div>{value}</div>")
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return date(value[0], value[1], value[2])  # feedparser gives UTC struct_time
            except (TypeError, ValueError):
                continue
    return None


READER = FeedReader()
