"""DOCX reader: paragraphs and tables in order, core properties, clear errors for bad archives."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from ingest_builders import make_docx

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.docx import READER
from claimgraph.ingest.readers import sniff_and_pick

MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def read(data: bytes, limits: Limits | None = None, origin: str = "memo.docx"):
    return READER.read(Source(data, origin, MEDIA), limits or Limits())


def test_paragraphs_tables_and_properties() -> None:
    data = make_docx(
        ["Field report, sector four.", "The patrol found two abandoned vehicles near the quarry."],
        table=[["Item", "Count"], ["Notebook", "2"], ["Radio", "1"]],
        after_table=["Handed to the duty officer at 14:00."],
        title="Patrol log", author="Unit clerk", created=datetime(2024, 5, 2, 8, 30),
    )
    [draft] = read(data)
    assert draft.original == data and draft.media_type == MEDIA
    assert draft.text == (
        "Field report, sector four.\n"
        "The patrol found two abandoned vehicles near the quarry.\n"
        "Item | Count\nNotebook | 2\nRadio | 1\n"
        "Handed to the duty officer at 14:00."
    )
    assert draft.title == "Patrol log" and draft.author == "Unit clerk"
    assert draft.meta["created"].startswith("2024-05-02T08:30")
    assert draft.published is None


def test_merged_cells_are_written_once() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Inventory"
    for c, value in enumerate(["Helmet", "Map", "Phone"]):
        table.cell(1, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    [draft] = read(buffer.getvalue())
    assert draft.text == "Inventory\nHelmet | Map | Phone"


def test_cyrillic_text_survives() -> None:
    [draft] = read(make_docx(["Протокол осмотра: изъяты два блокнота и карта местности."]))
    assert draft.text == "Протокол осмотра: изъяты два блокнота и карта местности."


def test_empty_document() -> None:
    with pytest.raises(EmptyInput):
        read(make_docx(["", "   "]))
    with pytest.raises(EmptyInput):
        read(b"")


def test_truncated_docx_is_corrupt() -> None:
    data = make_docx(["A paragraph that will be cut off."])
    with pytest.raises(CorruptInput) as caught:
        read(data[: len(data) // 2], origin="cut.docx")
    assert caught.value.subject == "cut.docx" and caught.value.fix


def test_zip_that_is_not_word_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<office/>")
    with pytest.raises(CorruptInput) as caught:
        read(buffer.getvalue())
    assert "word/document.xml" in caught.value.reason


def test_broken_document_xml_is_corrupt() -> None:
    source = zipfile.ZipFile(io.BytesIO(make_docx(["Intact text."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in source.infolist():
            payload = source.read(member.filename)
            if member.filename == "word/document.xml":
                payload = payload[: len(payload) // 2]
            archive.writestr(member, payload)
    with pytest.raises(CorruptInput):
        read(buffer.getvalue())


def test_zip_bomb_guard() -> None:
    data = make_docx(["x" * 20_000])
    with pytest.raises(InputTooLarge) as caught:
        read(data, limits=Limits(max_bytes=len(data) + 100))
    assert "inflates" in caught.value.reason


def test_docx_named_pdf_is_read_as_docx() -> None:
    data = make_docx(["Mislabelled but fine."])
    media_type, reader = sniff_and_pick(data, "scan.pdf")
    assert (media_type, reader.name) == (MEDIA, "docx")
