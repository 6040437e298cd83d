"""Run the registered extractors, in order, over one document.

This module knows the order and the error policy, nothing about storage: the
ledger stores what `run` returns.
"""

from __future__ import annotations

from claimgraph.errors import ExtractError
from claimgraph.extract.base import ORDER, Context, Extractor, registered
from claimgraph.model import Extraction


def build(names: tuple[str, ...] | None = None) -> list[Extractor]:
    """Instantiate the extractors called `names` (all by default) in pipeline order."""
    factories = registered()
    wanted = names or ORDER
    unknown = [n for n in wanted if n not in factories]
    if unknown:
        raise ExtractError(f"unknown extractor(s) {', '.join(unknown)}", subject="extract",
                           fix=f"choose among {', '.join(ORDER)}")
    return [factories[n]() for n in ORDER if n in wanted]


def run(ctx: Context, extractors: list[Extractor] | None = None) -> Extraction:
    """Return everything `extractors` (all by default) find in `ctx`."""
    found = Extraction()
    for extractor in extractors if extractors is not None else build():
        try:
            extractor.extract(ctx, found)
        except ExtractError:
            raise
        except Exception as exc:  # an extractor bug must name the extractor, not vanish
            raise ExtractError(f"{extractor.name} {extractor.version} failed: {exc!r}",
                               subject="extract", fix="report this document and extractor version") from exc
    return found


def versions(extractors: list[Extractor] | None = None) -> dict[str, str]:
    return {e.name: e.version for e in (extractors if extractors is not None else build())}
