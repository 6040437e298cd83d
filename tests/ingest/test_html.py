"""HTML reader: main text and metadata through trafilatura, nothing executable in the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from claimgraph.ingest.base import Limits, Source
from claimgraph.ingest.html import READER, visible_text
from claimgraph.ingest.readers import sniff_and_pick

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE = (FIXTURES / "article.html").read_bytes()


def read(data: bytes, origin: str = "page.html", limits: Limits | None = None):
    return READER.read(Source(data, origin, "text/html"), limits or Limits())


def test_article_main_text_and_metadata() -> None:
    [draft] = read(ARTICLE)
    assert draft.original == ARTICLE
    assert "northern ferry crossing came under artillery fire" in draft.text
    assert "at least three workers" in draft.text
    assert "Neither claim could be independently verified." in draft.text
    assert draft.title == "Ferry crossing shelled, port officials say"
    assert draft.author == "Mira Kovalenko"
    assert draft.publisher == "The Harbour Ledger"
    assert draft.published == date(2024, 2, 11)
    assert draft.reader == "html" and draft.meta["encoding"] in ("utf-8", "utf_8")


def test_boilerplate_is_dropped() -> None:
    [draft] = read(ARTICLE)
    for boilerplate in ("Front page", "Sign in", "Subscribe now", "All rights reserved", "Cookie settings"):
        assert boilerplate not in draft.text


def test_nothing_executable_leaks_into_the_text() -> None:
    [draft] = read(ARTICLE)
    for payload in ("document.cookie", "fetch(", "alert", "hijack", "steal()", "exfiltrate",
                    "javascript:", "runPayload", "onmouseover", "display: block", "<"):
        assert payload not in draft.text


def test_fallback_for_tiny_pages_still_drops_scripts() -> None:
    page = (b"<html><body><script>var secret = 1;</script><p>Short notice: road closed.</p>"
            b"<style>p{}</style><!-- hidden comment --></body></html>")
    [draft] = read(page)
    assert "road closed" in draft.text
    assert "secret" not in draft.text and "hidden comment" not in draft.text and "p{}" not in draft.text


def test_visible_text_keeps_blocks_on_their_own_lines() -> None:
    text = visible_text("<div><h2>Heading</h2><p>First <b>bold</b> part.</p><ul><li>one</li><li>two</li></ul>"
                        "<script>bad()</script></div>")
    assert text == "Heading\nFirst bold part.\none\ntwo"
    assert visible_text("<script>only()</script>") == ""


def test_meta_charset_is_honoured() -> None:
    body = "<p>Губернатор сообщил, что ночью были сбиты три беспилотника над рекой и мостом.</p>"
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f"<title>Сводка</title></head><body><article>{body * 3}</article></body></html>").encode("cp1251")
    [draft] = read(page)
    assert "Губернатор сообщил" in draft.text
    assert draft.title == "Сводка"
    assert draft.meta["encoding"] == "cp1251"


def test_wrong_meta_charset_falls_back_to_detection() -> None:
    page = ('<html><head><meta charset="utf-8"></head><body><p>Звіт: міст пошкоджено, рух перекрито '
            "до ранку, повідомив речник міської ради.</p></body></html>").encode("cp1251")
    [draft] = read(page)
    assert "міст пошкоджено" in draft.text


def test_url_origin_is_passed_as_final_url() -> None:
    [draft] = READER.read(Source(ARTICLE, "https://news.example/ferry", "text/html"), Limits())
    assert draft.final_url == "https://news.example/ferry"


def test_empty_and_invisible_pages() -> None:
    with pytest.raises(EmptyInput):
        read(b"")
    with pytest.raises(EmptyInput) as caught:
        read(b"<html><head><script>app()</script></head><body><div id='root'></div></body></html>",
             origin="spa.html")
    assert "JavaScript" in caught.value.fix and caught.value.subject == "spa.html"


def test_binary_bytes_named_html_are_corrupt() -> None:
    with pytest.raises(CorruptInput):
        read(bytes(range(256)) * 8)


def test_truncated_page_keeps_what_is_there() -> None:
    [draft] = read(ARTICLE[: ARTICLE.index(b"According to")])
    assert "northern ferry crossing" in draft.text


def test_over_the_limit() -> None:
    with pytest.raises(InputTooLarge):
        read(ARTICLE, limits=Limits(max_bytes=500))


def test_html_without_an_extension_is_sniffed_as_html() -> None:
    media_type, reader = sniff_and_pick(ARTICLE, "article")
    assert (media_type, reader.name) == ("text/html", "html")
