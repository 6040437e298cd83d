"""Score figure extraction against the conflict-figures gold set.

Implements the Scoring section of shared/data/conflict-figures/README.md in our
own code: figures are paired one to one per document (overlapping spans first,
largest overlap first; then equal category and interval, nearest position
first); detection is micro-averaged P/R/F1; category, qualifier, interval,
originating source, source chain and hedged are accuracies over the pairs;
attributions match when their sources match leniently and their contents share
at least half their words. Source names are compared leniently: case,
punctuation and possessive 's ignored, names mapped through `aliases.json` (in
the gold folder or its parent; else the project's own alias table, or one the
caller passes), containment or word Jaccard >= 0.5.

`evaluate` runs the whole extraction pipeline on every gold article (with its
publisher and publication date as document metadata), scores it and can write
the predictions in the gold schema. Nothing here tunes an extractor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.model import Extraction

__all__ = ["METRICS", "SourceNames", "evaluate", "load_gold", "predict", "score", "source_names",
           "to_prediction"]

METRICS = ("figure_precision", "figure_recall", "figure_f1", "category_accuracy", "qualifier_accuracy",
           "interval_accuracy", "origin_accuracy", "chain_accuracy", "hedged_accuracy", "attribution_f1")
ALIASES_FILE = "aliases.json"


# ------------------------------------------------------------------ names


def normalise_name(name: str | None) -> str:
    lowered = (name or "").lower().replace("\u2019", "'")
    lowered = re.sub(r"'s\b", "", lowered)
    words = re.sub(r"[^a-z0-9 ]+", " ", lowered).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass
class SourceNames:
    """Lenient source-name comparison with canonical names from an alias table."""

    canonical: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path | None) -> SourceNames:
        names = cls()
        if path is None or not path.exists():
            return names
        table = json.loads(path.read_text(encoding="utf-8"))
        for canonical, variants in table.items():
            if canonical.startswith("_"):
                continue
            key = normalise_name(canonical)
            names.canonical[key] = key
            for variant in variants:
                names.canonical[normalise_name(variant)] = key
        return names

    @classmethod
    def from_variants(cls, table: Mapping[str, Sequence[str]]) -> SourceNames:
        """From canonical name -> surface variants."""
        names = cls()
        for canonical, variants in table.items():
            key = normalise_name(canonical)
            names.canonical[key] = key
            for variant in variants:
                names.canonical.setdefault(normalise_name(variant), key)
        return names

    @classmethod
    def from_project(cls) -> SourceNames:
        """The project's own shipped alias table (`claimgraph/analyze/aliases.yaml`, without
        the user overlay, so scores do not depend on who runs them); empty when the
        analysis package or its table is missing."""
        try:
            from claimgraph.analyze.sources import load_config
        except ImportError:
            return cls()
        try:
            config = load_config(user_path=Path("/nonexistent/claimgraph-aliases.yaml"))
        except ConfigError:
            return cls()
        return cls.from_variants({entry.name: entry.variants for entry in config.sources.values()})

    def key(self, name: str | None) -> str:
        normal = normalise_name(name)
        return self.canonical.get(normal, normal)

    def same(self, left: str | None, right: str | None) -> bool:
        a, b = self.key(left), self.key(right)
        if not a or not b:
            return False
        if a == b or min(len(a), len(b)) >= 4 and (a in b or b in a):
            return True
        words_a, words_b = set(a.split()), set(b.split())
        return len(words_a & words_b) / len(words_a | words_b) >= 0.5


# ---------------------------------------------------------------- scoring


def _same_value(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def _overlap(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> int:
    try:
        return max(0, min(gold["end"], predicted["end"]) - max(gold["start"], predicted["start"]))
    except (KeyError, TypeError):
        return 0


def pair_figures(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): overlap first, then category and value."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()

    def take(candidates: list[tuple[float, int, int]]) -> None:
        for _, g, p in sorted(candidates):
            if g not in used_gold and p not in used_pred:
                used_gold.add(g)
                used_pred.add(p)
                pairs.append((g, p))

    take([(-_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
          if _overlap(g, p) > 0])
    take([(abs(p.get("start", 0) - g["start"]), gi, pi)
          for gi, g in enumerate(gold) if gi not in used_gold
          for pi, p in enumerate(predicted) if pi not in used_pred
          if p.get("category") == g["category"] and _same_value(p.get("value_low"), g["value_low"])
          and _same_value(p.get("value_high"), g["value_high"])])
    return pairs


def _words(text: str | None) -> set[str]:
    return set(normalise_name(text).split())


def count_attribution_matches(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]],
                              names: SourceNames) -> int:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if not names.same(g["source"], p.get("source", "")):
                continue
            gold_words, pred_words = _words(g["content"]), _words(p.get("content", ""))
            if gold_words and pred_words:
                jaccard = len(gold_words & pred_words) / len(gold_words | pred_words)
                if jaccard >= 0.5:
                    candidates.append((-jaccard, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
    return len(used_gold)


def _f1(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(gold_docs: Mapping[str, Mapping[str, Any]], predicted_docs: Mapping[str, Mapping[str, Any]],
          names: SourceNames | None = None) -> dict[str, Any]:
    """The README's metrics (fractions 0-1, rounded to 4 places) with the counts behind them."""
    names = names or SourceNames()
    matched = n_pred = n_gold = 0
    att_matched = att_pred = att_gold = 0
    correct = dict.fromkeys(("category", "qualifier", "interval", "origin", "chain", "hedged"), 0)
    for doc_id, gold in gold_docs.items():
        predicted = predicted_docs.get(doc_id, {})
        gold_figures, pred_figures = gold["figures"], predicted.get("figures") or []
        pairs = pair_figures(gold_figures, pred_figures)
        matched += len(pairs)
        n_pred += len(pred_figures)
        n_gold += len(gold_figures)
        for gi, pi in pairs:
            g, p = gold_figures[gi], pred_figures[pi]
            correct["category"] += g["category"] == p.get("category")
            correct["qualifier"] += g["qualifier"] == p.get("qualifier")
            correct["interval"] += _same_value(g["value_low"], p.get("value_low")) and _same_value(
                g["value_high"], p.get("value_high"))
            gold_chain, pred_chain = g["source_chain"], p.get("source_chain") or []
            correct["origin"] += bool(pred_chain) and names.same(gold_chain[-1], pred_chain[-1])
            correct["chain"] += len(gold_chain) == len(pred_chain) and all(
                names.same(a, b) for a, b in zip(gold_chain[1:], pred_chain[1:]))
            correct["hedged"] += g["hedged"] == p.get("hedged")
        gold_attributions = gold.get("attributions") or []
        pred_attributions = predicted.get("attributions") or []
        att_matched += count_attribution_matches(gold_attributions, pred_attributions, names)
        att_pred += len(pred_attributions)
        att_gold += len(gold_attributions)
    precision, recall, f1 = _f1(matched, n_pred, n_gold)
    result: dict[str, Any] = {"figure_precision": precision, "figure_recall": recall, "figure_f1": f1}
    for name, key in (("category", "category"), ("qualifier", "qualifier"), ("interval", "interval"),
                      ("origin", "origin"), ("chain", "chain"), ("hedged", "hedged")):
        result[f"{key}_accuracy"] = correct[name] / matched if matched else 0.0
    att_precision, att_recall, att_f1 = _f1(att_matched, att_pred, att_gold)
    result.update(attribution_precision=att_precision, attribution_recall=att_recall, attribution_f1=att_f1)
    result = {k: round(v, 4) for k, v in result.items()}
    result.update(documents=len(gold_docs), figures_matched=matched, figures_predicted=n_pred,
                  figures_gold=n_gold, attributions_matched=att_matched,
                  attributions_predicted=att_pred, attributions_gold=att_gold)
    return result


# ------------------------------------------------------------- prediction


def load_gold(directory: Path) -> dict[str, dict[str, Any]]:
    """Gold articles by id: every `*.json` in `directory` except the alias table."""
    if not directory.is_dir():
        raise ConfigError("not a directory of gold files", subject=str(directory),
                          fix="pass the folder that holds the conflict-figures JSON files (e.g. dev/)")
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.json")):
        if path.name == ALIASES_FILE:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "id" not in data or "text" not in data:
            raise ConfigError("not a conflict-figures article (no id or text)", subject=str(path),
                              fix="remove the file from the folder or correct it")
        docs[data["id"]] = data
    if not docs:
        raise ConfigError("no gold files found", subject=str(directory), fix="point at a folder of *.json")
    return docs


def _aliases_path(directory: Path) -> Path | None:
    for candidate in (directory / ALIASES_FILE, directory.parent / ALIASES_FILE):
        if candidate.exists():
            return candidate
    return None


def to_prediction(article: Mapping[str, Any], found: Extraction) -> dict[str, Any]:
    """One article's extraction in the conflict-figures schema."""
    attributions = [a for a in found.attributions if a.source is not None and a.cue is not None]
    index = {a.key: i for i, a in enumerate(attributions)}
    return {
        "id": article["id"], "publisher": article.get("publisher"), "published": article.get("published"),
        "figures": [{
            "span": f.text, "start": f.start, "end": f.end, "value_low": f.value_low,
            "value_high": f.value_high, "qualifier": f.qualifier, "category": f.category,
            "subject": f.subject, "location": f.place,
            "as_of": f.as_of.isoformat() if f.as_of else None,
            "source_chain": f.source_chain or [article.get("publisher")], "hedged": f.hedged,
        } for f in found.figures],
        "attributions": [{
            "source": a.source.text if a.source else "", "cue": a.cue.text if a.cue else "",
            "content": " ".join(part.text for part in a.content),
            "nested_in": index.get(a.parent_key) if a.parent_key else None,
        } for a in attributions],
    }


def _extractors() -> list[Any]:
    from claimgraph.extract import pipeline

    return pipeline.build()


def predict(article: Mapping[str, Any], extractors: list[Any] | None = None) -> dict[str, Any]:
    """Run the pipeline on one gold article and return its prediction in the gold schema."""
    from claimgraph.extract.base import Context
    from claimgraph.extract.pipeline import run

    published = article.get("published")
    ctx = Context(text=article["text"], publisher=article.get("publisher"),
                  published=date.fromisoformat(published) if published else None)
    return to_prediction(article, run(ctx, extractors if extractors is not None else _extractors()))


def source_names(directory: Path, aliases: Path | SourceNames | None = None) -> SourceNames:
    """The alias table to compare sources with: `aliases` when given (a file or a table), else
    `aliases.json` in the gold folder or its parent, else the project's own table."""
    if isinstance(aliases, SourceNames):
        return aliases
    if aliases is not None:
        if not Path(aliases).is_file():
            raise ConfigError("alias table not found", subject=str(aliases),
                              fix="pass an aliases.json in the conflict-figures layout, or leave it out")
        return SourceNames.from_file(Path(aliases))
    path = _aliases_path(Path(directory))
    return SourceNames.from_file(path) if path is not None else SourceNames.from_project()


def evaluate(directory: Path, predictions_out: Path | None = None,
             aliases: Path | SourceNames | None = None) -> dict[str, Any]:
    """Run the pipeline over every gold file in `directory` and score it.

    Sources are compared through `aliases` (see `source_names`)."""
    directory = Path(directory)
    gold = load_gold(directory)
    extractors = _extractors()
    predicted = {doc_id: predict(article, extractors) for doc_id, article in gold.items()}
    if predictions_out is not None:
        predictions_out = Path(predictions_out)
        predictions_out.mkdir(parents=True, exist_ok=True)
        for doc_id, prediction in predicted.items():
            (predictions_out / f"{doc_id}.json").write_text(
                json.dumps(prediction, ensure_ascii=False, indent=1), encoding="utf-8")
    return score(gold, predicted, source_names(directory, aliases))
