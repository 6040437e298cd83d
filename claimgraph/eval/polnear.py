"""Score attribution extraction against PolNeAR (political news attribution relations).

Implements the contract in shared/data/polnear/SCORING.md exactly: the gold
standard is the first-sorting annotator's `.ann` file per article with offsets
sliced from the `.txt`; every span is whitespace-trimmed; predictions with an
identical cue are merged; tokens are `\\w+|[^\\w\\s]` on the raw text; role spans
are scored exactly and by token overlap; attributions are aligned one to one by
greedy cue-token overlap and scored lenient, strict and nested-aware, with
diagnostics and slices (direct quotes, indirect and mixed, sourceless, outlet).

`evaluate` runs the project's attribution extractor over a PolNeAR folder and
scores it. This module must not tune or train anything, and must never change
the texts it reads (no newline translation, no stripping).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import ClaimgraphError, ConfigError
from claimgraph.model import Attribution

__all__ = [
    "AttributionSpans",
    "GoldAttribution",
    "GoldSet",
    "evaluate",
    "format_report",
    "load_gold",
    "normalise_predictions",
    "read_text",
    "score",
]

Fragment = tuple[int, int]
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
QUOTE_MARKS = frozenset(
    '"“„«'
)  # opening double quotation marks: 359 direct quotes in dev, as SCORING.md counts
_RECORD_RE = re.compile(r"^([TE#]\d+)\t([^\t\r\n]*)", re.MULTILINE)
ROLES = ("cue", "source", "content")


@dataclass(frozen=True)
class AttributionSpans:
    """One attribution as character fragments: a cue, zero or more sources, contents."""

    cue: tuple[Fragment, ...]
    sources: tuple[Fragment, ...] = ()
    contents: tuple[Fragment, ...] = ()
    key: str = ""

    def role(self, name: str) -> tuple[Fragment, ...]:
        return {"cue": self.cue, "source": self.sources, "content": self.contents}[name]


# Gold and predicted attributions have the same shape; the alias names the gold side.
GoldAttribution = AttributionSpans


class GoldSet(dict[str, list[AttributionSpans]]):
    """Gold attributions per article, with each article's exact text in `texts`."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: dict[str, str] = {}


# ---------------------------------------------------------------- reading


def read_text(path: Path) -> str:
    """A PolNeAR text exactly as stored: UTF-8, line endings untouched."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _parse_fragments(field_text: str) -> tuple[str, tuple[Fragment, ...]]:
    kind, _, offsets = field_text.partition(" ")
    fragments = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        fragments.append((int(start), int(end)))
    return kind, tuple(fragments)


def parse_ann(ann: str, key_prefix: str = "") -> list[AttributionSpans]:
    """The attributions (`E` records) of one brat `.ann` text, fragments untrimmed."""
    spans: dict[str, tuple[str, tuple[Fragment, ...]]] = {}
    events: list[tuple[str, str]] = []
    for match in _RECORD_RE.finditer(ann):
        ident, field_text = match.group(1), match.group(2)
        if ident.startswith("T"):
            spans[ident] = _parse_fragments(field_text)
        elif ident.startswith("E"):
            events.append((ident, field_text))
    found = []
    for ident, field_text in events:
        cue: list[Fragment] = []
        sources: list[Fragment] = []
        contents: list[Fragment] = []
        for argument in field_text.split():
            role, _, target = argument.partition(":")
            if target not in spans:
                continue
            fragments = spans[target][1]
            if role == "Cue":
                cue.extend(fragments)
            elif role == "Source":
                sources.extend(fragments)
            elif role.startswith("Content"):
                contents.extend(fragments)
            # the Attribution / Attribution-no-source trigger copies the cue: ignored
        found.append(
            AttributionSpans(tuple(cue), tuple(sources), tuple(contents), key=key_prefix + ident)
        )
    return found


def load_gold(directory: Path) -> GoldSet:
    """Gold attributions of a PolNeAR split folder (with `text/` and `attributions/`)."""
    directory = Path(directory)
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise ConfigError(
            f"{directory} has no text/ and attributions/ folders",
            subject="polnear",
            fix="point at a PolNeAR split folder such as shared/data/polnear/dev",
        )
    first: dict[str, Path] = {}
    for ann_path in sorted(ann_dir.glob("*.ann")):
        article = ann_path.stem.rsplit("_", 1)[0]
        if article not in first:  # sorted paths: the first annotator id wins
            first[article] = ann_path
    gold = GoldSet()
    for text_path in sorted(text_dir.glob("*.txt")):
        article = text_path.stem
        text = read_text(text_path)
        gold.texts[article] = text
        chosen = first.get(article)
        raw = parse_ann(read_text(chosen), f"{article}:") if chosen else []
        gold[article] = [_trimmed(a, text) for a in raw]
    return gold


# ---------------------------------------------------------------- normalising


def _trim(fragment: Fragment, text: str) -> Fragment | None:
    start, end = fragment
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _trim_all(fragments: Iterable[Fragment], text: str) -> tuple[Fragment, ...]:
    kept: list[Fragment] = []
    for fragment in fragments:
        trimmed = _trim(fragment, text)
        if trimmed is not None and trimmed not in kept:
            kept.append(trimmed)
    return tuple(kept)


def _trimmed(attribution: AttributionSpans, text: str) -> AttributionSpans:
    return AttributionSpans(
        _trim_all(attribution.cue, text),
        _trim_all(attribution.sources, text),
        _trim_all(attribution.contents, text),
        attribution.key,
    )


def _from_record(record: Attribution) -> AttributionSpans | None:
    if record.cue is None:
        return None  # the publisher level of a chain has no words in the text
    sources = ((record.source.start, record.source.end),) if record.source is not None else ()
    return AttributionSpans(
        ((record.cue.start, record.cue.end),),
        sources,
        tuple((c.start, c.end) for c in record.content),
        key=record.key,
    )


def normalise_predictions(
    predicted: Iterable[AttributionSpans | Attribution], text: str
) -> list[AttributionSpans]:
    """Trim every span and merge predictions with an identical cue (union of sources and contents)."""
    merged: dict[tuple[Fragment, ...], AttributionSpans] = {}
    for item in predicted:
        spans = _from_record(item) if isinstance(item, Attribution) else item
        if spans is None:
            continue
        spans = _trimmed(spans, text)
        previous = merged.get(spans.cue)
        if previous is None:
            merged[spans.cue] = spans
        else:
            merged[spans.cue] = AttributionSpans(
                spans.cue,
                _trim_all(previous.sources + spans.sources, text),
                _trim_all(previous.contents + spans.contents, text),
                previous.key,
            )
    return list(merged.values())


# ---------------------------------------------------------------- counting


@dataclass
class Counts:
    """True positives against the number of predicted and gold items."""

    tp: float = 0
    predicted: float = 0
    gold: float = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str) -> dict[str, float]:
        return {
            f"{prefix}_precision": self.precision,
            f"{prefix}_recall": self.recall,
            f"{prefix}_f1": self.f1,
        }


class _Tokens:
    """Regex tokens of one text, answering which tokens a character span overlaps."""

    def __init__(self, text: str):
        matches = list(TOKEN_RE.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def of(self, fragments: Iterable[Fragment]) -> frozenset[int]:
        covered: set[int] = set()
        for start, end in fragments:
            first = bisect_right(self.ends, start)  # first token ending after `start`
            last = bisect_left(self.starts, end)  # tokens starting before `end`
            covered.update(range(first, last))
        return frozenset(covered)


def _is_direct(attribution: AttributionSpans, text: str) -> bool:
    return bool(attribution.contents) and all(
        text[s] in QUOTE_MARKS for s, _ in attribution.contents
    )


@dataclass
class _ArticleResult:
    role_exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    role_token: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    lenient: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    nested_aware: Counts = field(default_factory=Counts)
    # slices on the gold side (tp = matched gold) and the prediction side (tp = correct predictions)
    direct: Counts = field(default_factory=Counts)
    indirect: Counts = field(default_factory=Counts)
    direct_predicted: Counts = field(default_factory=Counts)
    indirect_predicted: Counts = field(default_factory=Counts)
    sourceless: Counts = field(default_factory=Counts)
    aligned: int = 0
    exact_source: int = 0
    content_dice: float = 0.0


def _score_article(
    gold: Sequence[AttributionSpans], predicted: Sequence[AttributionSpans], text: str
) -> _ArticleResult:
    result = _ArticleResult()
    tokens = _Tokens(text)
    for role in ROLES:
        gold_set = {f for a in gold for f in a.role(role)}
        pred_set = {f for a in predicted for f in a.role(role)}
        result.role_exact[role] = Counts(len(gold_set & pred_set), len(pred_set), len(gold_set))
        gold_tokens, pred_tokens = tokens.of(gold_set), tokens.of(pred_set)
        result.role_token[role] = Counts(
            len(gold_tokens & pred_tokens), len(pred_tokens), len(gold_tokens)
        )

    gold_tok = [{r: tokens.of(a.role(r)) for r in ROLES} for a in gold]
    pred_tok = [{r: tokens.of(a.role(r)) for r in ROLES} for a in predicted]
    pairs = []
    for gi, g in enumerate(gold_tok):
        for pi, p in enumerate(pred_tok):
            shared = len(g["cue"] & p["cue"])
            if shared:
                pairs.append((-shared, gi, pi))
    pairs.sort()  # most shared cue tokens first; ties in gold order, then prediction order
    gold_used: dict[int, int] = {}
    pred_used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in gold_used and pi not in pred_used:
            gold_used[gi] = pi
            pred_used.add(pi)

    lenient_ok: set[int] = set()  # gold indexes of lenient true positives
    for gi, pi in gold_used.items():
        g, p = gold_tok[gi], pred_tok[pi]
        sources_ok = bool(g["source"] & p["source"]) or (
            not gold[gi].sources and not predicted[pi].sources
        )
        if g["content"] & p["content"] and sources_ok:
            lenient_ok.add(gi)
        ga, pa = gold[gi], predicted[pi]
        if (
            set(ga.cue) == set(pa.cue)
            and set(ga.sources) == set(pa.sources)
            and set(ga.contents) == set(pa.contents)
        ):
            result.strict.tp += 1
        result.aligned += 1
        result.exact_source += set(ga.sources) == set(pa.sources)
        union = len(g["content"]) + len(p["content"])
        result.content_dice += 2 * len(g["content"] & p["content"]) / union if union else 1.0
    ok_preds = {gold_used[gi] for gi in lenient_ok}

    result.lenient = Counts(len(lenient_ok), len(predicted), len(gold))
    result.strict.predicted, result.strict.gold = len(predicted), len(gold)
    gold_content_tokens = [tokens.of([f]) for a in gold for f in a.contents]
    dropped = sum(
        1
        for pi, p in enumerate(pred_tok)
        if pi not in pred_used
        and p["cue"]
        and any(p["cue"] <= content for content in gold_content_tokens)
    )
    result.nested_aware = Counts(len(lenient_ok), len(predicted) - dropped, len(gold))

    # Slices: gold by its own content (recall side), predictions by theirs (precision side).
    for gi, gold_item in enumerate(gold):
        bucket = result.direct if _is_direct(gold_item, text) else result.indirect
        bucket.gold += 1
        bucket.tp += gi in lenient_ok
        if not gold_item.sources:
            result.sourceless.gold += 1
            result.sourceless.tp += gi in lenient_ok
    for pi, predicted_item in enumerate(predicted):
        bucket = (
            result.direct_predicted
            if _is_direct(predicted_item, text)
            else result.indirect_predicted
        )
        bucket.predicted += 1
        bucket.tp += pi in ok_preds
    return result


def _outlet(article: str) -> str:
    return article.split("_", 1)[0]


def score(
    gold: Mapping[str, Sequence[AttributionSpans]],
    predictions: Mapping[str, Iterable[AttributionSpans | Attribution]],
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Score `predictions` against `gold`, article by article, micro-averaged.

    `texts` defaults to `gold.texts` when `gold` comes from `load_gold`. Fractions
    are 0-1. Slice precision counts predictions whose own content is (or is not)
    a direct quote; slice recall counts gold attributions the same way.
    """
    texts = texts if texts is not None else getattr(gold, "texts", None)
    if texts is None:
        raise ConfigError(
            "score needs the article texts",
            subject="polnear",
            fix="pass texts=... or a GoldSet from load_gold",
        )
    unknown = sorted(set(predictions) - set(gold))
    if unknown:
        raise ConfigError(
            f"predictions for articles not in the gold set: {', '.join(unknown[:3])}",
            subject="polnear",
            fix="score predictions for the same split as the gold",
        )
    total = _ArticleResult()
    outlets: dict[str, Counts] = {}
    for article in sorted(gold):
        text = texts[article]
        gold_items = [_trimmed(a, text) for a in gold[article]]
        predicted = normalise_predictions(predictions.get(article, ()), text)
        one = _score_article(gold_items, predicted, text)
        for role in ROLES:
            total.role_exact[role].add(one.role_exact[role])
            total.role_token[role].add(one.role_token[role])
        for name in (
            "lenient",
            "strict",
            "nested_aware",
            "direct",
            "indirect",
            "direct_predicted",
            "indirect_predicted",
            "sourceless",
        ):
            getattr(total, name).add(getattr(one, name))
        total.aligned += one.aligned
        total.exact_source += one.exact_source
        total.content_dice += one.content_dice
        outlets.setdefault(_outlet(article), Counts()).add(one.lenient)

    out: dict[str, Any] = {}
    out.update(total.lenient.as_dict("lenient"))
    out.update(total.strict.as_dict("strict"))
    out.update(total.nested_aware.as_dict("nested_aware"))
    for role in ROLES:
        out.update(total.role_exact[role].as_dict(f"{role}_exact"))
        out.update(total.role_token[role].as_dict(f"{role}_token"))
    out["counts"] = {
        "articles": len(gold),
        "gold": int(total.lenient.gold),
        "predicted": int(total.lenient.predicted),
        "lenient_tp": int(total.lenient.tp),
        "strict_tp": int(total.strict.tp),
        "nested_dropped": int(total.lenient.predicted - total.nested_aware.predicted),
    }
    out["diagnostics"] = {
        "aligned_pairs": total.aligned,
        "exact_source_share": total.exact_source / total.aligned if total.aligned else 0.0,
        "mean_content_token_f1": total.content_dice / total.aligned if total.aligned else 0.0,
    }
    out["slices"] = {
        "direct_quotes": _slice(total.direct, total.direct_predicted),
        "indirect_mixed": _slice(total.indirect, total.indirect_predicted),
        "sourceless": {"recall": total.sourceless.recall, "gold": int(total.sourceless.gold)},
        "outlets": {name: _slice(c) for name, c in sorted(outlets.items())},
    }
    return out


def _slice(gold_side: Counts, predicted_side: Counts | None = None) -> dict[str, float]:
    predicted_side = predicted_side if predicted_side is not None else gold_side
    p, r = predicted_side.precision, gold_side.recall
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "gold": int(gold_side.gold),
        "predicted": int(predicted_side.predicted),
    }


# ---------------------------------------------------------------- running


def _publishers(directory: Path) -> dict[str, str]:
    table = directory.parent / "metadata-train-dev.tsv"
    if not table.is_file():
        return {}
    with open(table, encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["publisher"] for row in csv.DictReader(handle, delimiter="\t")}


class _LearnedOnly:
    """The learned attribution component alone, shaped as an extractor."""

    name = "attributions"

    def __init__(self) -> None:
        from claimgraph.extract.attributions import learned

        self._learned = learned
        self.version = f"learned-{learned.model_version()}"

    def extract(self, ctx: Any, found: Any) -> None:
        found.attributions.extend(self._learned.predict(ctx.doc))


def default_extractor() -> Any:
    """The registered "attributions" extractor, or the learned component alone when it is missing."""
    try:
        from claimgraph.extract.pipeline import build

        return build(("attributions",))[0]
    except (ImportError, ClaimgraphError):  # registry incomplete (extractors still being built)
        return _LearnedOnly()


def evaluate(
    directory: Path,
    extractor: Any = None,
    publisher_from_metadata: bool = True,
    limit: int | None = None,
) -> dict[str, Any]:
    """Run `extractor` (the project's attribution extractor by default) on a split and score it."""
    from claimgraph.extract.base import Context
    from claimgraph.extract.nlp import load_nlp
    from claimgraph.extract.pipeline import run

    directory = Path(directory)
    gold = load_gold(directory)
    if limit is not None:
        kept = sorted(gold)[:limit]
        subset = GoldSet()
        for article in kept:
            subset[article] = gold[article]
            subset.texts[article] = gold.texts[article]
        gold = subset
    extractor = extractor if extractor is not None else default_extractor()
    extractors = list(extractor) if isinstance(extractor, (list, tuple)) else [extractor]
    publishers = _publishers(directory) if publisher_from_metadata else {}
    articles = sorted(gold)
    predictions: dict[str, list[Attribution]] = {}
    nlp = load_nlp()
    for article, doc in zip(articles, nlp.pipe((gold.texts[a] for a in articles), batch_size=8)):
        ctx = Context(
            text=gold.texts[article],
            publisher=publishers.get(article, _outlet(article)),
            parsed=doc,
        )
        predictions[article] = list(run(ctx, extractors).attributions)
    result = score(gold, predictions)
    result["extractor"] = {e.name: e.version for e in extractors}
    result["split"] = str(directory)
    return result


# ---------------------------------------------------------------- reporting


def format_report(result: Mapping[str, Any]) -> str:
    """A plain-text table of a `score`/`evaluate` result (percentages)."""

    def row(label: str, prefix: str) -> str:
        return (
            f"  {label:<22} P {100 * result[prefix + '_precision']:5.1f}  "
            f"R {100 * result[prefix + '_recall']:5.1f}  F1 {100 * result[prefix + '_f1']:5.1f}"
        )

    lines = ["PolNeAR attribution scores"]
    if "split" in result:
        lines.append(f"  split: {result['split']}  extractor: {result.get('extractor', {})}")
    counts = result["counts"]
    lines.append(
        f"  articles {counts['articles']}  gold {counts['gold']}  predicted {counts['predicted']}"
    )
    lines.append("Attributions")
    lines += [
        row("lenient", "lenient"),
        row("strict", "strict"),
        row("nested-aware lenient", "nested_aware"),
    ]
    lines.append("Role spans (exact / token overlap)")
    for role in ROLES:
        lines += [row(f"{role} exact", f"{role}_exact"), row(f"{role} token", f"{role}_token")]
    diagnostics = result["diagnostics"]
    lines.append(
        f"Diagnostics: {diagnostics['aligned_pairs']} aligned pairs, exact source "
        f"{100 * diagnostics['exact_source_share']:.1f}%, mean content token F1 "
        f"{100 * diagnostics['mean_content_token_f1']:.1f}"
    )
    slices = result["slices"]
    lines.append("Slices (lenient)")
    for name in ("direct_quotes", "indirect_mixed"):
        s = slices[name]
        lines.append(
            f"  {name:<22} P {100 * s['precision']:5.1f}  R {100 * s['recall']:5.1f}  "
            f"F1 {100 * s['f1']:5.1f}  (gold {s['gold']}, predicted {s['predicted']})"
        )
    lines.append(
        f"  {'sourceless (recall)':<22} R {100 * slices['sourceless']['recall']:5.1f}  "
        f"(gold {slices['sourceless']['gold']})"
    )
    for name, s in slices["outlets"].items():
        lines.append(
            f"  outlet {name:<15} P {100 * s['precision']:5.1f}  R {100 * s['recall']:5.1f}  "
            f"F1 {100 * s['f1']:5.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`python -m claimgraph.eval.polnear DIR [--json] [--limit N]`: evaluate and print."""
    import argparse
    import json
    import sys

    parser = argparse.ArgumentParser(
        description="Score the attribution extractor on a PolNeAR split."
    )
    parser.add_argument(
        "directory", type=Path, help="a split folder holding text/ and attributions/"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    result = evaluate(args.directory, limit=args.limit)
    print(json.dumps(result, indent=1, sort_keys=True) if args.json else format_report(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
