"""Records and controlled vocabularies shared by every stage."""

from claimgraph.model.records import (
    Attribution,
    CustodyEvent,
    Document,
    DocumentDraft,
    Event,
    Extraction,
    Figure,
    Hedge,
    Mention,
    OcrWord,
    Page,
    PhysicalItem,
    RecoveredItem,
    Span,
    Statement,
    sha256_hex,
)

__all__ = [
    "Attribution", "CustodyEvent", "Document", "DocumentDraft", "Event", "Extraction", "Figure",
    "Hedge", "Mention", "OcrWord", "Page", "PhysicalItem", "RecoveredItem", "Span", "Statement",
    "sha256_hex",
]
