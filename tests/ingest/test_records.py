"""JSON / NDJSON article records: one document per record, bad records reported, the rest kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.readers import sniff_and_pick
from claimgraph.ingest.records import READER

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read(data: bytes, media_type: str = "application/json", limits: Limits | None = None,
         origin: str = "records.json"):
    return READER.read(Source(data, origin, media_type), limits or Limits())


def test_ndjson_fixture_keeps_good_records_and_reports_bad_ones() -> None:
    data = (FIXTURES / "records.ndjson").read_bytes()
    media_type, reader = sniff_and_pick(data, "records.ndjson")
    drafts = reader.read(Source(data, "records.ndjson", media_type), Limits())
    assert [d.locator for d in drafts] == ["line 1", "line 3", "line 6"]
    first, russian, last = drafts
    assert first.title == "Depot fire" and first.publisher == "Northern Wire"
    assert first.author == "Lena Moss" and first.language == "en"
    assert first.published == date(2024, 1, 9)
    assert first.final_url == "http://wire.example/a-101"
    assert first.meta["record_id"] == "a-101"
    assert russian.published == date(2024, 1, 10) and russian.language == "ru"
    assert last.meta["record_id"] == "105"
    lines = data.split(b"\n")
    for draft, index in zip(drafts, (0, 2, 5)):
        assert draft.original == lines[index]
        assert draft.container == data
        assert json.loads(draft.original)["text"] == draft.text
    errors = first.meta["record_errors"]
    assert [e["locator"] for e in errors] == ["line 2", "line 4", "line 5"]
    assert "`text` is missing" in errors[0]["reason"]
    assert "ISO 8601" in errors[1]["reason"]
    assert "not valid JSON" in errors[2]["reason"]
    assert all(e["fix"] for e in errors)
    assert all("record_errors" not in d.meta for d in drafts[1:])


def test_json_array_originals_are_canonical_dumps() -> None:
    records = [{"title": "Ammunition depot", "text": "Smoke rose over the depot.", "extra": [1, 2]},
               {"text": "Второе сообщение.", "language": "ru"}]
    data = json.dumps(records, indent=2, ensure_ascii=False).encode("utf-8")
    drafts = read(data)
    assert [d.locator for d in drafts] == ["record 1", "record 2"]
    assert drafts[0].original == b'{"extra":[1,2],"text":"Smoke rose over the depot.","title":"Ammunition depot"}'
    assert json.loads(drafts[1].original) == records[1]
    assert drafts[1].original.decode("utf-8") == '{"language":"ru","text":"Второе сообщение."}'
    assert all(d.container == data and d.container_media_type == "application/json" for d in drafts)


def test_single_object_is_its_own_original() -> None:
    data = b'{"text": "One report only.", "published": "2023-12-31T23:59:00+02:00"}'
    [draft] = read(data)
    assert draft.original == data and draft.container is None and draft.locator is None
    assert draft.published == date(2023, 12, 31)


def test_utf8_bom_is_accepted() -> None:
    [draft] = read(b"\xef\xbb\xbf" + json.dumps({"text": "With a mark."}).encode())
    assert draft.text == "With a mark."


def test_ndjson_with_crlf_lines() -> None:
    data = b'{"text": "first"}\r\n{"text": "second"}\r\n'
    drafts = read(data, "application/x-ndjson")
    assert [d.original for d in drafts] == [b'{"text": "first"}', b'{"text": "second"}']


def test_ndjson_named_json_is_still_read_line_by_line() -> None:
    data = b'{"text": "first"}\n{"text": "second"}\n'
    drafts = read(data, "application/json")
    assert [d.locator for d in drafts] == ["line 1", "line 2"]


@pytest.mark.parametrize("record, reason", [
    ({"title": "no text"}, "`text` is missing"),
    ({"text": 5}, "not a string"),
    ({"text": "   "}, "`text` is empty"),
    ({"text": "x", "language": "russian"}, "ISO 639-1"),
    ({"text": "x", "published": "yesterday"}, "ISO 8601"),
    ({"text": "x", "title": ["a"]}, "`title` is a list"),
])
def test_bad_records_name_their_reason(record: dict, reason: str) -> None:
    data = json.dumps([{"text": "good one"}, record]).encode()
    [good] = read(data)
    [error] = good.meta["record_errors"]
    assert error["locator"] == "record 2" and reason in error["reason"]


def test_all_records_bad_raises_naming_the_first_line() -> None:
    data = b'{"title": "a"}\n{"title": "b"}\n'
    with pytest.raises(CorruptInput) as caught:
        read(data, "application/x-ndjson", origin="bad.ndjson")
    assert "line 1" in caught.value.reason and "1 more" in caught.value.reason
    assert caught.value.subject == "bad.ndjson"


def test_single_object_without_text_fails() -> None:
    with pytest.raises(CorruptInput):
        read(b'{"title": "no text"}')
    with pytest.raises(EmptyInput):
        read(b'{"text": ""}')


def test_broken_and_truncated_json_is_corrupt() -> None:
    whole = json.dumps([{"text": "one"}, {"text": "two"}]).encode()
    with pytest.raises(CorruptInput) as caught:
        read(whole[:-7], origin="cut.json")
    assert "line 1" in caught.value.reason and caught.value.fix
    with pytest.raises(CorruptInput):
        read(b"42")


def test_not_utf8_is_corrupt_with_a_fix() -> None:
    with pytest.raises(CorruptInput) as caught:
        read(json.dumps({"text": "Сводка"}, ensure_ascii=False).encode("cp1251"))
    assert "UTF-8" in caught.value.reason and "iconv" in caught.value.fix


def test_empty_file_and_empty_array() -> None:
    with pytest.raises(EmptyInput):
        read(b"")
    with pytest.raises(EmptyInput):
        read(b"[]")


def test_limits() -> None:
    many = json.dumps([{"text": f"report {i}"} for i in range(5)]).encode()
    with pytest.raises(InputTooLarge):
        read(many, limits=Limits(max_records=4))
    lines = b"\n".join(json.dumps({"text": f"r{i}"}).encode() for i in range(5))
    with pytest.raises(InputTooLarge):
        read(lines, "application/x-ndjson", limits=Limits(max_records=4))
    with pytest.raises(InputTooLarge):
        read(many, limits=Limits(max_bytes=50))
