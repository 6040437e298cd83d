"""Human-readable rendering of documents, statements and summaries for the terminal.

Only presentation: everything shown comes from the ledger's rows.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table

from claimgraph.ledger import Ledger
from claimgraph.model import Document

console = Console(highlight=False)
if not console.is_terminal:  # pipes and logs get full lines, not an 80-column wrap
    console = Console(highlight=False, width=160)

KINDS = ("attribution", "hedge", "figure", "mention", "event", "recovered_item")


def attribution_chain(rows: list[dict[str, Any]], row: dict[str, Any], publisher: str | None) -> list[dict[str, Any]]:
    """The links from the publisher down to `row`, outermost first, each with its source and cue."""
    by_id = {r["id"]: r for r in rows}
    links: list[dict[str, Any]] = []
    seen: set[int] = set()
    current: dict[str, Any] | None = row
    while current is not None and current["id"] not in seen:
        seen.add(current["id"])
        links.append({"source": current["source_name"] or current["source_text"], "source_text": current["source_text"],
                      "cue": current["value"].get("cue", {}).get("text") if current["value"].get("cue") else None,
                      "attribution_id": current["id"]})
        current = by_id.get(current["parent_id"])
    links.reverse()
    return [{"source": publisher, "source_text": None, "cue": None, "attribution_id": None}] + links


def statements_json(ledger: Ledger, document: Document) -> dict[str, list[dict[str, Any]]]:
    found = {kind: ledger.statements(document.id, kind) for kind in KINDS}
    for row in found["attribution"]:
        row["chain"] = attribution_chain(found["attribution"], row, document.publisher)
    return found


def _span(row: dict[str, Any]) -> str:
    return f"[{row['start']}:{row['end']}]"


def print_document(document: Document, *, show_text: bool = True) -> None:
    meta = Table(show_header=False, box=None)
    for name in ("id", "title", "publisher", "author", "published", "language", "media_type", "origin",
                 "final_url", "locator", "sha256", "reader", "retrieved", "previous_version_id", "item_id"):
        value = getattr(document, name)
        if name == "language" and value:
            value = f"{value} ({document.language_confidence:.2f})" if document.language_confidence else value
        if name == "reader":
            value = f"{document.reader} {document.reader_version}"
        if value not in (None, ""):
            meta.add_row(name, str(value))
    for p in document.pages:
        conf = f", OCR confidence {p.ocr_confidence:.0f}" if p.ocr_confidence is not None else ""
        meta.add_row(f"page {p.number}", f"chars {p.start}-{p.end} ({p.method}{conf})")
    console.print(meta)
    if show_text:
        console.print()
        console.print(document.text, markup=False)


def print_statements(document: Document, found: dict[str, list[dict[str, Any]]]) -> None:
    text = document.text
    console.rule("attributions (chain: publisher → … → source)")
    parents = {r["parent_id"] for r in found["attribution"] if r["parent_id"]}
    for row in found["attribution"]:
        if row["id"] in parents and not row["value"].get("cue"):
            continue  # a relay without reporting words ("told Reuters", a dateline): shown in the chains below it
        chain = " → ".join(f"{link['source'] or '(unnamed)'}" + (f" [{link['cue']}]" if link["cue"] else "")
                           for link in row["chain"])
        content = " … ".join(c["text"] for c in row["value"].get("content", []))
        console.print(f"{_span(row)} {row['kind']}: {chain}", markup=False)
        if content:
            console.print(f"    “{content[:220]}”", markup=False)
    console.rule("hedges (ICD 203)")
    for row in found["hedge"]:
        band = row["band"]
        if row["probability_low"] is not None:
            band += f" {row['probability_low'] * 100:.0f}–{row['probability_high'] * 100:.0f} %"
        target = f" → {row['target_kind']} {row['target_id']}" if row["target_kind"] else ""
        console.print(f"{_span(row)} “{row['text']}” {band}{target}", markup=False)
    console.rule("figures")
    for row in found["figure"]:
        high = "∞" if row["value_high"] is None else f"{row['value_high']:g}"
        low = "?" if row["value_low"] is None else f"{row['value_low']:g}"
        hedged = " hedged" if row["hedged"] else ""
        console.print(f"{_span(row)} “{row['text']}” [{low}, {high}] {row['qualifier']} {row['category']}"
                      f" — {row['subject'] or '?'}; place {row['place'] or '-'}; as of {row['as_of'] or '-'}{hedged}",
                      markup=False)
        console.print(f"    chain: {' → '.join(row['source_chain'])}", markup=False)
    if found["event"]:
        console.rule("events")
        for row in found["event"]:
            parts = [f"actor {row['actor']}" if row["actor"] else "", f"target {row['target']}" if row["target"] else "",
                     f"place {row['place']}" if row["place"] else "", f"weapon {row['weapon']}" if row["weapon"] else "",
                     f"on {row['when']}" if row["when"] else "", "hedged" if row["hedged"] else ""]
            console.print(f"{_span(row)} {row['action']}: {'; '.join(p for p in parts if p)}", markup=False)
    if found["recovered_item"]:
        console.rule("recovered items")
        for row in found["recovered_item"]:
            qty = f"{row['quantity']:g} × " if row["quantity"] is not None else ""
            origin = f" ({row['origin']})" if row["origin"] else ""
            console.print(f"{_span(row)} {qty}{row['kind']}{origin}", markup=False)
    if found["mention"]:
        console.rule("entities")
        labels = Counter(r["label"] for r in found["mention"])
        console.print(", ".join(f"{k} {v}" for k, v in labels.most_common()), markup=False)
        for row in found["mention"]:
            norm = f" = {row['normalized']}" if row["normalized"] and row["normalized"] != row["text"] else ""
            console.print(f"  {row['label']:<9} {row['text']}{norm}", markup=False)
    del text


def demo_summary(ledger: Ledger) -> dict[str, Any]:
    documents = ledger.documents()
    rows = []
    for listed in documents:
        d = ledger.document(listed.id)  # with its pages
        figures = ledger.statements(d.id, "figure")
        rows.append({"id": d.id, "kind": d.media_type, "reader": d.reader, "language": d.language,
                     "language_confidence": d.language_confidence, "publisher": d.publisher,
                     "published": d.published, "title": d.title or d.origin.rsplit("/", 1)[-1],
                     "pages": len(d.pages),
                     "ocr_confidence": next((p.ocr_confidence for p in d.pages if p.ocr_confidence), None),
                     "attributions": len(ledger.statements(d.id, "attribution")),
                     "figures": len(figures), "hedges": len(ledger.statements(d.id, "hedge"))})
    return {"documents": rows, "counts": ledger.counts(),
            "kinds": dict(Counter(r["reader"] for r in rows)),
            "languages": dict(Counter(r["language"] or "?" for r in rows))}


def print_summary(summary: dict[str, Any], db: str) -> None:
    table = Table("id", "reader", "lang", "publisher", "published", "title", "attr", "fig", "hedge", box=None)
    for r in summary["documents"]:
        lang = r["language"] or "?"
        if r["language_confidence"]:
            lang += f" {r['language_confidence']:.2f}"
        if r["ocr_confidence"]:
            lang += f" (OCR {r['ocr_confidence']:.0f})"
        table.add_row(str(r["id"]), r["reader"], lang, r["publisher"] or "", str(r["published"] or ""),
                      str(r["title"])[:48], str(r["attributions"]), str(r["figures"]), str(r["hedges"]))
    console.print(table)
    counts = summary["counts"]
    console.print(f"\n{counts['documents']} documents in {db} — kinds: "
                  + ", ".join(f"{k} {v}" for k, v in sorted(summary["kinds"].items()))
                  + "; languages: " + ", ".join(f"{k} {v}" for k, v in sorted(summary["languages"].items())),
                  markup=False)
    console.print("statements: " + ", ".join(f"{k} {counts[k]}" for k in KINDS), markup=False)
    console.print(f"physical items in custody: {counts['items']}; custody events: {counts['custody_events']}",
                  markup=False)
    console.print("next: claimgraph docs · claimgraph show ID --statements · claimgraph search \"North Korean\"",
                  markup=False)
