"""WARC and WACZ reader: every archived HTML page a document, with its capture time.

warcio walks the records (plain or gzipped WARC). Each `response` record with
a 2xx HTTP status, and each `resource` record, whose content type is HTML
becomes one document through the HTML reader. Its `original` is the page as
the server sent it (the HTTP body with transfer and content encodings undone,
which is what a browser would have parsed); `container` is the whole archive
file; `locator` is the WARC-Record-ID; `final_url` and `origin`-side
`meta["target_uri"]` are the WARC-Target-URI; `retrieved` is the WARC-Date.
HTTP status and headers go to `meta`.

A WACZ file is a zip that holds `archive/*.warc[.gz]`; each of those is read
the same way, and the locator names the inner file as well.

Partial failures follow the records reader: an HTML page with no text or a
damaged record is listed in `meta["record_errors"]` of the first draft and the
others go on; a truncated archive keeps the pages read before the cut. When
no page can be read the reader raises (CorruptInput for a broken archive,
EmptyInput when it holds no HTML pages). This module must not fetch the
archived URLs.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from claimgraph.errors import CorruptInput, EmptyInput, IngestError
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.guards import check_record_count, check_source, open_zip, record_error
from claimgraph.ingest.html import read_html
from claimgraph.model import DocumentDraft

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_TYPE = "application/warc"
WACZ_TYPE = "application/wacz"


class WarcReader:
    name = "warc"
    version = "1.0"
    media_types = (WARC_TYPE, WACZ_TYPE, "application/x-wacz")

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        check_source(source, limits, "WARC")
        drafts: list[DocumentDraft] = []
        errors: list[dict[str, str]] = []
        if source.data.startswith(b"PK"):
            container_type = WACZ_TYPE
            archive = open_zip(source.data, source, limits, "WACZ")
            inner = sorted(n for n in archive.namelist() if n.startswith("archive/") and ".warc" in n)
            if not inner:
                raise CorruptInput("the WACZ holds no archive/*.warc or *.warc.gz file",
                                   subject=source.origin, fix="check that the file is a WACZ web archive")
            for name in inner:
                try:
                    payload = archive.read(name)
                except (OSError, EOFError, ValueError) as exc:
                    errors.append(record_error(name, f"cannot be unpacked ({exc})", "obtain a fresh copy"))
                    continue
                self._walk(payload, name, source, limits, container_type, drafts, errors)
        else:
            container_type = WARC_TYPE
            self._walk(source.data, None, source, limits, container_type, drafts, errors)
        if not drafts:
            if errors:
                first = errors[0]
                raise CorruptInput(f"no page could be read; {first['locator']}: {first['reason']}",
                                   subject=source.origin, fix=first["fix"])
            raise EmptyInput("the web archive holds no HTML pages", subject=source.origin,
                             fix="leave the file out, or archive the pages as HTML responses")
        if errors:
            drafts[0].meta["record_errors"] = errors
        return drafts

    def _walk(
        self,
        payload: bytes,
        inner_name: str | None,
        source: Source,
        limits: Limits,
        container_type: str,
        drafts: list[DocumentDraft],
        errors: list[dict[str, str]],
    ) -> None:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        where = f"{inner_name}: " if inner_name else ""
        position = 0
        try:
            for record in ArchiveIterator(io.BytesIO(payload)):
                position += 1
                if not record.rec_type or not record.rec_headers.get_header("WARC-Record-ID"):
                    errors.append(record_error(f"{where}record {position}",
                                               "not a WARC record: WARC-Type or WARC-Record-ID is missing",
                                               "check that the file is a WARC web archive"))
                    continue
                if record.rec_type not in ("response", "resource"):
                    continue
                headers = record.http_headers
                if record.rec_type == "response":
                    if headers is None:
                        continue
                    status = headers.get_statuscode()
                    if not status or not status.startswith("2"):
                        continue
                    content_type = headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                if content_type.split(";", 1)[0].strip().lower() not in HTML_TYPES:
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record {position}"
                locator = f"{where}{record_id}"
                body = record.content_stream().read(limits.max_bytes + 1)
                if len(body) > limits.max_bytes:
                    errors.append(record_error(locator, f"page is over the limit of {limits.max_bytes:,} bytes",
                                               "raise the byte limit (--max-bytes)"))
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than WARC Content-Length
                    errors.append(record_error(locator, "record is truncated: the archive ends inside it",
                                               "the archive is incomplete; obtain a fresh copy"))
                    continue
                draft = self._page(body, record, locator, source, limits, container_type, errors)
                if draft is not None:
                    drafts.append(draft)
                    check_record_count(len(drafts), source, limits, "page")
        except IngestError:
            raise
        except ArchiveLoadFailed as exc:
            errors.append(record_error(f"{where}record {position + 1}", f"not a WARC record ({exc})",
                                       "check that the file is a WARC web archive"))
        except Exception as exc:  # noqa: BLE001 - zlib, EOF and warcio parser errors share no useful base class
            errors.append(record_error(
                f"{where}record {position + 1}",
                f"damaged or truncated after record {position} ({type(exc).__name__}: {exc})",
                "the archive is damaged or truncated; obtain a fresh copy",
            ))

    def _page(
        self,
        body: bytes,
        record: Any,
        locator: str,
        source: Source,
        limits: Limits,
        container_type: str,
        errors: list[dict[str, str]],
    ) -> DocumentDraft | None:
        target = record.rec_headers.get_header("WARC-Target-URI")
        try:
            draft = read_html(body, source.origin, limits, url=target,
                              reader=self.name, reader_version=self.version)
        except IngestError as exc:
            errors.append(record_error(locator, exc.reason, exc.fix or "leave this page out"))
            return None
        draft.locator = locator
        draft.container = source.data
        draft.container_media_type = container_type
        draft.retrieved = _warc_date(record.rec_headers.get_header("WARC-Date"))
        draft.meta["target_uri"] = target
        draft.meta["warc_record_id"] = record.rec_headers.get_header("WARC-Record-ID")
        if record.http_headers is not None and record.rec_type == "response":
            draft.meta["http_status"] = int(record.http_headers.get_statuscode() or 0)
            draft.meta["http_headers"] = {k.lower(): v for k, v in record.http_headers.headers}
        return draft


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


READER = WarcReader()
