"""WARC and WACZ reader: each archived HTML page a document with its capture time and URL."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from ingest_builders import html_page, make_wacz, make_warc

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.readers import sniff_and_pick
from claimgraph.ingest.warc import READER

PAGE_A = html_page("Checkpoint reopened",
                   "The checkpoint on the eastern road reopened on Friday, the district police said.",
                   "Drivers reported queues of about two hours.")
PAGE_B = html_page("Power restored",
                   "Electricity was restored to most of the town overnight, the utility company said.",
                   "Some outlying villages remained without power.")


def capture(gzip: bool = True) -> bytes:
    return make_warc([
        {"url": "http://police.example/checkpoint", "body": PAGE_A, "date": "2024-03-08T09:15:00Z"},
        {"url": "http://police.example/logo.png", "body": b"\x89PNG\r\n\x1a\n0000",
         "content_type": "image/png"},
        {"url": "http://police.example/old", "body": b"<p>moved</p>", "status": "301 Moved Permanently"},
        {"url": "http://power.example/restored", "body": PAGE_B, "date": "2024-03-09T22:00:00Z"},
    ], gzip=gzip)


def read(data: bytes, media_type: str = "application/warc", limits: Limits | None = None,
         origin: str = "crawl.warc.gz"):
    return READER.read(Source(data, origin, media_type), limits or Limits())


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_documents(gzip: bool) -> None:
    data = capture(gzip)
    drafts = read(data)
    assert [d.final_url for d in drafts] == ["http://police.example/checkpoint", "http://power.example/restored"]
    first, second = drafts
    assert first.original == PAGE_A and second.original == PAGE_B
    assert first.container == data and first.container_media_type == "application/warc"
    assert first.retrieved == datetime(2024, 3, 8, 9, 15, tzinfo=UTC)
    assert second.retrieved == datetime(2024, 3, 9, 22, 0, tzinfo=UTC)
    assert "checkpoint on the eastern road reopened" in first.text
    assert first.title == "Checkpoint reopened"
    assert first.locator.startswith("<urn:uuid:") and first.locator == first.meta["warc_record_id"]
    assert first.meta["http_status"] == 200 and first.meta["target_uri"] == first.final_url
    assert first.meta["http_headers"]["content-type"].startswith("text/html")
    assert first.reader == "warc" and first.origin == "crawl.warc.gz"


def test_resource_records_are_read_too() -> None:
    data = make_warc([{"url": "http://a.example/page", "body": PAGE_A, "kind": "resource"}])
    [draft] = read(data)
    assert draft.final_url == "http://a.example/page" and "eastern road" in draft.text


def test_wacz_holds_warcs() -> None:
    wacz = make_wacz({"one.warc.gz": capture(), "two.warc": make_warc(
        [{"url": "http://b.example/", "body": PAGE_B}], gzip=False)})
    media_type, reader = sniff_and_pick(wacz, "crawl.wacz")
    assert media_type == "application/wacz"
    drafts = reader.read(Source(wacz, "crawl.wacz", media_type), Limits())
    assert len(drafts) == 3
    assert drafts[0].locator.startswith("archive/one.warc.gz: <urn:uuid:")
    assert drafts[2].locator.startswith("archive/two.warc: ")
    assert all(d.container == wacz and d.container_media_type == "application/wacz" for d in drafts)


def test_page_without_text_is_reported_and_the_rest_kept() -> None:
    data = make_warc([
        {"url": "http://a.example/empty", "body": b"<html><body><script>x()</script></body></html>"},
        {"url": "http://a.example/full", "body": PAGE_A},
    ])
    [draft] = read(data)
    [error] = draft.meta["record_errors"]
    assert "<urn:uuid:" in error["locator"] and "no visible text" in error["reason"]


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_archive_keeps_pages_before_the_cut(gzip: bool) -> None:
    whole = make_warc([
        {"url": "http://a.example/1", "body": PAGE_A},
        {"url": "http://a.example/2", "body": PAGE_B},
    ], gzip=gzip)
    cut = whole[:-40] if gzip else whole[: whole.rindex(b"Power restored") + 5]
    [draft] = read(cut)
    assert draft.final_url == "http://a.example/1" and draft.original == PAGE_A
    [error] = draft.meta["record_errors"]
    assert "truncated" in error["reason"] and error["locator"].startswith("<urn:uuid:")


def test_truncated_before_any_page_is_corrupt() -> None:
    whole = capture()
    with pytest.raises(CorruptInput) as caught:
        read(whole[:120], origin="cut.warc.gz")
    assert caught.value.subject == "cut.warc.gz" and caught.value.fix


def test_garbage_is_corrupt() -> None:
    with pytest.raises(CorruptInput):
        read(b"WARC/1.0\r\nthis is not a header block\r\n\r\n" + bytes(range(256)))
    with pytest.raises(CorruptInput):
        read(b"no archive here, only words\n" * 3)


def test_archive_without_html_is_empty() -> None:
    data = make_warc([{"url": "http://a.example/x.png", "body": b"\x89PNG....", "content_type": "image/png"}])
    with pytest.raises(EmptyInput):
        read(data)
    with pytest.raises(EmptyInput):
        read(b"")


def test_wacz_without_warcs_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("datapackage.json", "{}")
    with pytest.raises(CorruptInput) as caught:
        read(buffer.getvalue(), "application/wacz")
    assert "archive/" in caught.value.reason


def test_limits() -> None:
    data = capture()
    with pytest.raises(InputTooLarge):
        read(data, limits=Limits(max_records=1))
    with pytest.raises(InputTooLarge):
        read(data, limits=Limits(max_bytes=100))


def test_warc_named_txt_is_read_as_warc() -> None:
    data = capture()
    media_type, reader = sniff_and_pick(data, "notes.txt")
    assert (media_type, reader.name) == ("application/warc", "warc")
    assert len(reader.read(Source(data, "notes.txt", media_type), Limits())) == 2
