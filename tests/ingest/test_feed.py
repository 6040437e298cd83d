"""RSS/Atom reader: each entry a document, its own bytes as original where they can be cut out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.feed import READER
from claimgraph.ingest.readers import sniff_and_pick

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
RSS = (FIXTURES / "feed.rss").read_bytes()
ATOM = (FIXTURES / "feed.atom").read_bytes()


def read(data: bytes, media_type: str = "application/rss+xml", limits: Limits | None = None,
         origin: str = "feed.xml"):
    return READER.read(Source(data, origin, media_type), limits or Limits())


def test_rss_entries() -> None:
    drafts = read(RSS)
    assert [d.locator for d in drafts] == ["entry 1", "entry 2", "entry 3"]
    bridge, figures, curfew = drafts
    assert bridge.title == "Bridge closed after overnight strike"
    assert bridge.final_url == "http://valley.example/news/bridge-closed"
    assert bridge.published == date(2024, 3, 5)
    assert bridge.author == "Jonas Reyes" and bridge.publisher == "Valley Dispatch"
    assert bridge.text == "The district council said the river bridge would stay closed while engineers inspected it."
    assert bridge.meta["text_from"] == "summary"
    # Full content wins over the summary; markup and handlers are gone.
    assert figures.meta["text_from"] == "content"
    assert figures.text == ("A council member said about 40 people had been evacuated, while volunteers put "
                            "the figure at more than 60.\nBoth numbers were provisional.")
    assert curfew.text == "Curfew extended by a week" and curfew.meta["text_from"] == "title"
    for draft in drafts:
        assert "alert" not in draft.text and "<" not in draft.text and "onclick" not in draft.text
        assert draft.container == RSS and draft.reader == "feed"


def test_entry_originals_are_the_entries_own_bytes() -> None:
    drafts = read(RSS)
    for draft in drafts:
        assert draft.meta["original_is"] == "entry"
        assert draft.original.startswith(b"<item>") and draft.original.endswith(b"</item>")
        assert draft.original in RSS
    assert b"Council disputes casualty figures" in drafts[1].original
    assert len({d.original for d in drafts}) == 3


def test_atom_entries() -> None:
    media_type, reader = sniff_and_pick(ATOM, "coast.atom")
    drafts = reader.read(Source(ATOM, "coast.atom", media_type), Limits())
    debris, harbour = drafts
    assert debris.media_type == "application/atom+xml"
    assert debris.final_url == "http://coast.example/posts/debris"
    assert debris.author == "Tae-yang Park" and debris.publisher == "Coastal Monitor"
    assert debris.published == date(2024, 4, 1)  # published wins over updated
    assert debris.text.startswith("Fishermen told the monitor")
    assert harbour.published == date(2024, 4, 2)  # only updated is given
    assert harbour.text == "The harbour authority reopened the inner basin to boats under twelve metres."
    assert debris.original.startswith(b"<entry>") and debris.original.endswith(b"</entry>")
    assert debris.meta["entry_id"].endswith("0002")


def test_cdata_holding_an_end_tag_does_not_confuse_the_slices() -> None:
    data = RSS.replace(b"Summary only.", b"<![CDATA[Summary with </item> inside.]]>")
    drafts = read(data)
    assert all(d.meta["original_is"] == "entry" for d in drafts)
    assert drafts[1].original.endswith(b"</content:encoded>\n</item>")
    assert b"Summary with </item> inside." in drafts[1].original


def test_originals_fall_back_to_the_container_when_slices_do_not_match() -> None:
    # A self-closing item gives feedparser an entry that has no slice of its own.
    data = RSS.replace(b"</channel>", b"<item/></channel>")
    drafts = read(data)
    assert len(drafts) == 3
    assert all(d.original == data and d.meta["original_is"] == "container" for d in drafts)
    assert [d.locator for d in drafts] == ["entry 1", "entry 2", "entry 3"]
    assert drafts[0].meta["record_errors"][0]["locator"] == "entry 4"


def test_entry_without_any_text_is_reported() -> None:
    data = RSS.replace(b"<title>Curfew extended by a week</title>", b"")
    drafts = read(data)
    assert len(drafts) == 2
    [error] = drafts[0].meta["record_errors"]
    assert error["locator"] == "entry 3"


def test_not_a_feed_is_corrupt() -> None:
    with pytest.raises(CorruptInput):
        read(b"<?xml version='1.0'?><catalog><book>A</book></catalog>")
    with pytest.raises(CorruptInput):
        read(b"plain words, no markup at all")


def test_truncated_feed_keeps_the_whole_entries() -> None:
    cut = RSS[: RSS.index(b"<title>Curfew")]
    drafts = read(cut)
    assert [d.title for d in drafts][:2] == ["Bridge closed after overnight strike", "Council disputes casualty figures"]
    assert "feed_warning" in drafts[0].meta


def test_feed_without_entries_is_empty() -> None:
    with pytest.raises(EmptyInput):
        read(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title></channel></rss>")
    with pytest.raises(EmptyInput):
        read(b"")


def test_limits() -> None:
    with pytest.raises(InputTooLarge):
        read(RSS, limits=Limits(max_records=2))
    with pytest.raises(InputTooLarge):
        read(RSS, limits=Limits(max_bytes=100))


def test_feed_named_html_is_read_by_content() -> None:
    media_type, reader = sniff_and_pick(RSS, "feed")
    assert (media_type, reader.name) == ("application/rss+xml", "feed")
