"""DOCX reader: body paragraphs and tables in document order, with the core properties.

Paragraphs become lines; a table becomes one line per row, its cells joined by
" | " (a merged cell is written once). Blank paragraphs are kept as empty
lines, so the text keeps the document's visual paragraphs. Headers, footers,
comments and tracked deletions are left out: they are page furniture or not
part of the document's final text, and the original bytes keep them anyway.

Core properties: title and author fill the draft; created and modified go to
`meta` (creation is not publication). Broken or truncated archives and zips
that are not Word documents raise CorruptInput; archives that inflate past
`Limits.max_bytes` raise InputTooLarge. This module must not write files.
"""

from __future__ import annotations

import io
from typing import Any

from claimgraph.errors import CorruptInput, EmptyInput
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.guards import check_source, open_zip
from claimgraph.ingest.text import normalise_newlines
from claimgraph.model import DocumentDraft

CELL_SEPARATOR = " | "


class DocxReader:
    name = "docx"
    version = "1.0"
    media_types = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)

    def read(self, source: Source, limits: Limits) -> list[DocumentDraft]:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        check_source(source, limits, "DOCX")
        archive = open_zip(source.data, source, limits, "DOCX")
        if "word/document.xml" not in archive.namelist():
            raise CorruptInput(
                "the zip archive holds no word/document.xml, so it is not a Word document",
                subject=source.origin,
                fix="check the file's real format (a .doc or .odt must be converted to .docx)",
            )
        try:
            document = docx.Document(io.BytesIO(source.data))
            lines = list(_lines(document))
        except (PackageNotFoundError, KeyError, ValueError, OSError, SyntaxError) as exc:
            raise CorruptInput(
                f"the Word document cannot be parsed ({exc})",
                subject=source.origin,
                fix="open and re-save it in a word processor, or obtain a fresh copy",
            ) from exc
        text = normalise_newlines("\n".join(lines).strip("\n"))[0]
        if not text.strip():
            raise EmptyInput("the Word document holds no text", subject=source.origin,
                             fix="leave the file out (scanned pages inside a DOCX are not read)")
        properties = _core_properties(document)
        return [
            DocumentDraft(
                original=source.data,
                media_type=self.media_types[0],
                origin=source.origin,
                text=text,
                reader=self.name,
                reader_version=self.version,
                title=properties.pop("title", None),
                author=properties.pop("author", None),
                meta=properties,
            )
        ]


def _lines(document: Any) -> Any:
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield block.text


def _table_lines(table: Any) -> Any:
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats across the span
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split("\n")).strip())
        yield CELL_SEPARATOR.join(cells)


def _core_properties(document: Any) -> dict[str, Any]:
    try:
        core = document.core_properties
    except (KeyError, ValueError):
        return {}
    found: dict[str, Any] = {}
    for key, attribute in (("title", "title"), ("author", "author"), ("subject", "subject"),
                           ("last_modified_by", "last_modified_by")):
        value = getattr(core, attribute, None)
        if isinstance(value, str) and value.strip():
            found[key] = value.strip()
    for key, attribute in (("created", "created"), ("modified", "modified")):
        try:
            value = getattr(core, attribute, None)
        except ValueError:
            value = None
        if value is not None:
            found[key] = value.isoformat()
    return found


READER = DocxReader()
