"""JSON and NDJSON article records: the format scrapers and archives hand over.

A file holds one JSON object, a JSON array of objects, or one object per line
(NDJSON / JSON Lines). Each object becomes one document. `text` is required;
`id`, `title`, `publisher`, `published` (ISO 8601 date or date-time), `url`,
`language` (ISO 639-1) and `author` are optional. Other keys are kept only in
the original bytes. The `text` value is used as given except that "\r\n" and
"\r" become "\n", as in the text reader.

Originals: an NDJSON document's `original` is its own line (without the line
break); a JSON array element's `original` is the canonical dump of that element
(UTF-8, sorted keys, no spaces), since its exact bytes inside the array are not
a document of their own; a single-object file's `original` is the whole file.
`container` always holds the whole file and `locator` says "line N" (1-based)
or "record N" (1-based).

Partial failures: a bad record (not an object, no `text`, a bad date) does not
stop the others. The reader returns the good drafts and puts the list of
per-record errors, each `{"locator", "reason", "fix"}`, in
`meta["record_errors"]` of the FIRST draft only (so that the pipeline reports
each once). When no record is good the reader raises CorruptInput or
EmptyInput naming the first bad line. Files must be UTF-8 (RFC 8259).
This module must not guess at fields beyond the ones listed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimgraph.errors import CorruptInput, EmptyInput
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.guards import check_record_count, check_source, parse_iso_date, record_error
from claimgraph.model import DocumentDraft

NDJSON_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-seq")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
STRING_FIELDS = ("id", "title", "publisher", "url", "author", "language")


class BadRecord(ValueError):
    """One record cannot become a document; the message says why."""


class RecordsReader:
    name = "records"
    version = "1.0"
    media_types = ("application/json", *NDJSON_TYPES)

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        check_source(source, limits, "JSON")
        data = source.data[3:] if source.data.startswith(b"\xef\xbb\xbf") else source.data
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorruptInput(
                f"JSON records must be UTF-8; byte {exc.start} is not",
                subject=source.origin,
                fix="re-save the file as UTF-8 (iconv -t UTF-8)",
            ) from exc
        if source.media_type in NDJSON_TYPES:
            return self._read_lines(data, source, limits)
        try:
            parsed = json.loads(data)
        except json.JSONDecodeError as exc:
            if _looks_like_lines(data):
                return self._read_lines(data, source, limits)
            raise CorruptInput(
                f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                subject=source.origin,
                fix="repair the JSON (or write one object per line as NDJSON)",
            ) from exc
        if isinstance(parsed, dict):
            draft = self._draft(parsed, source, data, None)
            return [draft]
        if isinstance(parsed, list):
            check_record_count(len(parsed), source, limits, "record")
            items = [
                (f"record {index}", element, _canonical(element))
                for index, element in enumerate(parsed, start=1)
            ]
            return self._collect(items, source)
        raise CorruptInput(
            f"JSON holds a {type(parsed).__name__}, not an object or an array of objects",
            subject=source.origin,
            fix="wrap each article as an object with at least a `text` field",
        )

    def _read_lines(self, data: bytes, source: Source, limits: Limits) -> list[DocumentDraft]:
        items: list[tuple[str, Any, bytes]] = []
        errors: list[dict[str, str]] = []
        for number, raw_line in enumerate(data.split(b"\n"), start=1):
            line = raw_line.rstrip(b"\r")
            if not line.strip():
                continue
            locator = f"line {number}"
            try:
                element = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(record_error(locator, f"not valid JSON: {exc.msg} at column {exc.colno}",
                                           "repair or remove this line"))
                continue
            items.append((locator, element, line))
            check_record_count(len(items), source, limits, "record")
        return self._collect(items, source, errors)

    def _collect(
        self,
        items: list[tuple[str, Any, bytes]],
        source: Source,
        errors: list[dict[str, str]] | None = None,
    ) -> list[DocumentDraft]:
        errors = list(errors or [])
        drafts: list[DocumentDraft] = []
        for locator, element, original in items:
            try:
                drafts.append(self._draft(element, source, original, locator))
            except BadRecord as exc:
                errors.append(record_error(locator, str(exc), "add a non-empty `text` and valid fields, or remove it"))
        errors.sort(key=lambda error: int(error["locator"].split()[-1]))
        if not drafts:
            if not errors:
                raise EmptyInput("holds no records", subject=source.origin, fix="leave the file out")
            first = errors[0]
            raise CorruptInput(
                f"no usable record; {first['locator']}: {first['reason']}"
                + (f" (and {len(errors) - 1} more bad records)" if len(errors) > 1 else ""),
                subject=source.origin,
                fix="give every record a non-empty `text` field",
            )
        if errors:
            drafts[0].meta["record_errors"] = errors
        return drafts

    def _draft(self, element: Any, source: Source, original: bytes, locator: str | None) -> DocumentDraft:
        if not isinstance(element, dict):
            if locator is None:
                raise CorruptInput("JSON object expected", subject=source.origin, fix="write objects")
            raise BadRecord(f"a {type(element).__name__}, not an object")
        try:
            fields = _validated(element)
        except BadRecord as exc:
            if locator is None:
                error = EmptyInput if "empty" in str(exc) else CorruptInput
                raise error(str(exc), subject=source.origin,
                            fix="give the record a non-empty `text` string and valid optional fields") from exc
            raise
        meta: dict[str, Any] = {}
        if fields["id"] is not None:
            meta["record_id"] = fields["id"]
        if fields["url"] is not None:
            meta["url"] = fields["url"]
        if fields["language"] is not None:
            meta["language_source"] = "record"
        return DocumentDraft(
            original=original,
            media_type="application/x-ndjson" if locator and locator.startswith("line") else "application/json",
            origin=source.origin,
            text=fields["text"],
            reader=self.name,
            reader_version=self.version,
            final_url=fields["url"],
            locator=locator,
            container=source.data if locator is not None else None,
            container_media_type=source.media_type if locator is not None else None,
            title=fields["title"],
            author=fields["author"],
            publisher=fields["publisher"],
            published=fields["published"],
            language=fields["language"],
            meta=meta,
        )


def _validated(element: dict[str, Any]) -> dict[str, Any]:
    text = element.get("text")
    if text is None:
        raise BadRecord("`text` is missing")
    if not isinstance(text, str):
        raise BadRecord(f"`text` is a {type(text).__name__}, not a string")
    if not text.strip():
        raise BadRecord("`text` is empty")
    fields: dict[str, Any] = {"text": text.replace("\r\n", "\n").replace("\r", "\n")}
    for key in STRING_FIELDS:
        value = element.get(key)
        if value is None or value == "":
            fields[key] = None
        elif key == "id" and isinstance(value, int) and not isinstance(value, bool):
            fields[key] = str(value)
        elif isinstance(value, str):
            fields[key] = value.strip()
        else:
            raise BadRecord(f"`{key}` is a {type(value).__name__}, not a string")
    if fields["language"] is not None:
        fields["language"] = fields["language"].lower()
        if not _LANGUAGE.match(fields["language"]):
            raise BadRecord(f"`language` {element['language']!r} is not a two-letter ISO 639-1 code")
    try:
        fields["published"] = parse_iso_date(element.get("published"))
    except ValueError:
        raise BadRecord(f"`published` {element.get('published')!r} is not an ISO 8601 date") from None
    return fields


def _canonical(element: Any) -> bytes:
    return json.dumps(element, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _looks_like_lines(data: bytes) -> bool:
    lines = [line for line in data.split(b"\n") if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:5])


READER = RecordsReader()
