"""Helpers for the web server tests: the fixture ledger (written by us), a live uvicorn
server, Chromium settings.

The ledger's statements are made here as extraction records (the extractors have
their own tests), so these tests exercise the server, not the NLP.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any, Self

from claimgraph.ledger import Ledger, open_ledger
from claimgraph.model import (
    Attribution,
    DocumentDraft,
    Extraction,
    Figure,
    Hedge,
    Mention,
    OcrWord,
    Page,
    PhysicalItem,
    Span,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

SCRIPT_PAYLOAD = ('Officials said 40 <script>window.__pwned = 1; document.title = "pwned"</script> drones '
                  'were destroyed. <img src=x onerror="window.__pwned = 2"> Reports continue.')


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def _rec(text: str, part: str) -> dict[str, Any]:
    s = _span(text, part)
    return {"start": s.start, "end": s.end, "text": s.text, "extractor": "fixture", "extractor_version": "1"}


def _draft(text: str, origin: str, *, title: str, publisher: str, published: date) -> DocumentDraft:
    return DocumentDraft(original=text.encode("utf-8"), media_type="text/plain", origin=origin, text=text,
                         reader="text", reader_version="1", title=title, publisher=publisher,
                         published=published, language="en", language_confidence=0.99)


def report(text: str, *, source: str, cue: str, content: str, figure: str, low: float, high: float,
           category: str = "killed", subject: str = "North Korean soldiers", place: str | None = "Kursk",
           as_of: date | None = None, chain: list[str], hedge: str | None = None) -> Extraction:
    """One attribution (source, cue, content) holding one figure, optionally hedged, as extractors make them."""
    source_span, content_span = _span(text, source), _span(text, content)
    start, end = min(source_span.start, content_span.start), max(source_span.end, content_span.end)
    attribution = Attribution(key="a1", start=start, end=end, text=text[start:end], extractor="fixture",
                              extractor_version="1", kind="indirect", cue=_span(text, cue), source=source_span,
                              content=[content_span], source_name=source)
    figure_record = Figure(key="f1", **_rec(text, figure), value_low=low, value_high=high,
                           qualifier="exact" if low == high else "range", category=category, subject=subject,
                           place=place, as_of=as_of, attribution_key="a1", source_chain=chain,
                           hedged=hedge is not None, hedge_keys=["h1"] if hedge else [])
    found = Extraction(attributions=[attribution], figures=[figure_record],
                       mentions=[Mention(key="m1", **_rec(text, source), label="GOV", normalized=source)])
    if hedge:
        found.hedges.append(Hedge(key="h1", **_rec(text, hedge), band="likely", probability_low=0.55,
                                  probability_high=0.8, target_key="f1", holder_key="a1"))
    return found


def build_ledger(path: Path) -> dict[str, int]:
    """Three reports with contradicting figures, a document carrying script payloads, and an item."""
    ids: dict[str, int] = {}
    with open_ledger(str(path)) as ledger:
        text = ("The Ministry of Defence of Ukraine said on Monday that 900 North Korean soldiers were killed "
                "near Kursk.")
        ids["mod"] = ledger.add(_draft(text, "fixture/mod.txt", title="Kursk losses", publisher="Kyiv Daily",
                                       published=date(2024, 12, 16)),
                                extraction=report(text, source="Ministry of Defence of Ukraine", cue="said",
                                                  content="900 North Korean soldiers were killed near Kursk",
                                                  figure="900", low=900, high=900, as_of=date(2024, 12, 16),
                                                  chain=["Kyiv Daily", "Ministry of Defence of Ukraine"])).document_id
        text = ("Pentagon officials estimate that probably 3,000 to 4,000 North Korean soldiers were killed "
                "near Kursk.")
        ids["pentagon"] = ledger.add(_draft(text, "fixture/pentagon.txt", title="US estimate",
                                            publisher="Wire Service", published=date(2024, 12, 20)),
                                     extraction=report(text, source="Pentagon officials", cue="estimate",
                                                       content="probably 3,000 to 4,000 North Korean soldiers "
                                                               "were killed near Kursk",
                                                       figure="3,000 to 4,000", low=3000, high=4000,
                                                       as_of=date(2024, 12, 20), hedge="probably",
                                                       chain=["Wire Service", "Pentagon officials"])).document_id
        text = "A South Korean lawmaker said that 100 North Korean soldiers were killed near Kursk."
        scan = _draft(text, "fixture/nis.txt", title="Seoul briefing", publisher="Seoul Herald",
                      published=date(2024, 12, 19))
        low = _span(text, "lawmaker")  # an OCR page whose word "lawmaker" was read with low confidence
        scan.pages = [Page(1, 0, len(text), ocr_confidence=81.0, method="ocr",
                           words=[OcrWord(0, 1, 96.0), OcrWord(low.start, low.end, 41.0)])]
        ids["nis"] = ledger.add(scan,
                                extraction=report(text, source="A South Korean lawmaker", cue="said",
                                                  content="100 North Korean soldiers were killed near Kursk",
                                                  figure="100", low=100, high=100, as_of=date(2024, 12, 19),
                                                  chain=["Seoul Herald", "A South Korean lawmaker"])).document_id
        hostile = _draft(SCRIPT_PAYLOAD, "fixture/<script>alert(1)</script>.html",
                         title='<script>window.__pwned = 3</script><img src=x onerror="window.__pwned=4">',
                         publisher='"><svg onload="window.__pwned=5">', published=date(2024, 12, 21))
        ids["hostile"] = ledger.add(hostile, extraction=report(
            SCRIPT_PAYLOAD, source="Officials", cue="said", content="40 <script>", figure="40", low=40, high=40,
            category="destroyed", subject="drones", place=None, chain=['"><svg onload="window.__pwned=5">',
                                                                      "Officials"])).document_id
        ids["item"] = ledger.register_item(PhysicalItem("Notebook <b>N-1</b>", description="found in a trench",
                                                        found_place="Kursk"), documents=[ids["nis"]])
    return ids


async def csrf_of(http: Any, page: str = "/upload") -> str:
    """The CSRF token of this client's session, read from a form like a browser would."""
    response = await http.get(page)
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', response.text)
    assert match, "the page has no CSRF field"
    return match.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A real uvicorn server on 127.0.0.1 in a thread, stopped at teardown."""

    def __init__(self, app: Any):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def ledger_of(app: Any) -> Ledger:
    return app.state.ledger
