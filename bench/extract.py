"""Extraction speed: characters per second of the full extraction against the bare spaCy parse.

Prints, for the same texts in the same run: chars/s of `nlp.pipe` alone (the pipeline
as claimgraph loads it, on numpy's BLAS), chars/s of the whole extraction (parse
included) with 1 worker, their ratio (goal >= 0.85), the same without the learned
attribution tagger (rules only, to show what the tagger costs), and the speed-up
with 2 workers. For reference it also prints the same package's parse as spaCy loads
it by default (thinc's blis kernels) and the full extraction against that. Texts:
the demo corpus plus, when ../shared is present, the conflict-figures and PolNeAR
dev texts.

    .venv/bin/python bench/extract.py [--chars N] [--workers 1 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]


def corpus(limit_chars: int) -> list[str]:
    texts: list[str] = []
    demo = REPO / "claimgraph" / "demo"
    for path in sorted(demo.rglob("*")):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix in (".json", ".ndjson", ".jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines() if path.suffix != ".json" else [path.read_text()]:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                for r in record if isinstance(record, list) else [record]:
                    if isinstance(r, dict) and isinstance(r.get("text"), str):
                        texts.append(r["text"])
    shared = REPO.parent / "shared" / "data"
    for path in sorted((shared / "conflict-figures" / "dev").glob("*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    for path in sorted((shared / "polnear" / "dev" / "text").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    picked, total = [], 0
    for text in texts:
        if total >= limit_chars:
            break
        picked.append(text)
        total += len(text)
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000, help="characters of text to process")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds; each speed is the best round (other work on the machine only slows rounds down)")
    args = parser.parse_args()

    from claimgraph.extract.base import Context
    from claimgraph.extract.nlp import load_nlp
    from claimgraph.extract.parallel import BATCH, Workers
    from claimgraph.extract.pipeline import build

    texts = corpus(args.chars)
    chars = sum(len(t) for t in texts)
    nlp = load_nlp()
    build()  # load every extractor's data once, outside the timings
    list(nlp.pipe(texts[:2]))  # warm up

    def bare_parse() -> float:  # in the batches extraction parses (parallel.BATCH), so like is compared with like
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH):
            pass
        return chars / (time.perf_counter() - start)

    stock_nlp = _stock_pipeline()

    def stock_parse() -> float:
        start = time.perf_counter()
        for _ in stock_nlp.pipe(texts, batch_size=BATCH):
            pass
        return chars / (time.perf_counter() - start)

    bare = stock = rules_only = 0.0
    speeds: dict[int, float] = {}
    statements = 0
    pools = {workers: Workers(workers).__enter__() for workers in args.workers}
    try:
        for pool in pools.values():
            pool.warm_up()  # model loading is start-up cost, not throughput
        for _ in range(args.repeat):  # interleaved, so that each kind meets the same load
            bare = max(bare, bare_parse())
            stock = max(stock, stock_parse())
            for workers, pool in pools.items():
                start = time.perf_counter()
                results = list(pool.map(Context(text=t) for t in texts))
                speeds[workers] = max(speeds.get(workers, 0.0), chars / (time.perf_counter() - start))
                statements = sum(len(r.all()) for r in results)
            rules_only = max(rules_only, _without_learned(texts, chars))
    finally:
        for pool in pools.values():
            pool.__exit__(None, None, None)

    print(f"texts {len(texts)}, characters {chars:,}, statements {statements:,}, best of {args.repeat} rounds")
    print(f"learned attribution tagger: {_tagger()}")
    print(f"stock spaCy parse         {stock:12,.0f} chars/s   (the package as spaCy loads it: thinc's blis kernels)")
    print(f"bare spaCy parse          {bare:12,.0f} chars/s   (as claimgraph loads it: numpy's BLAS, one thread)")
    for workers, speed in speeds.items():
        print(f"full extraction, {workers} worker{'s' if workers > 1 else ' '} {speed:12,.0f} chars/s")
    print(f"rules only, 1 worker      {rules_only:12,.0f} chars/s   (attributions without the learned tagger)")
    if max(rules_only, speeds.get(1, 0.0)) > bare:
        # a run that includes the parse cannot beat the parse alone: other work slowed every
        # round of the bare parse, and the ratios below are not to be trusted
        print("warning: the bare parse measured slower than a run that includes it (the machine was "
              "busy during its rounds); rerun with more --repeat before reading the ratios")
    if 1 in speeds:
        print(f"ratio full/bare (1 worker) {speeds[1] / bare:11.2f}   (goal >= 0.85)")
        print(f"ratio rules-only/bare      {rules_only / bare:11.2f}")
        print(f"ratio full/stock parse     {speeds[1] / stock:11.2f}   (reference only: not the goal's ratio)")
        for workers, speed in speeds.items():
            if workers > 1:
                print(f"speed-up with {workers} workers   {speed / speeds[1]:11.2f}x")


def _stock_pipeline() -> Language:
    """The English pipeline package claimgraph uses, loaded as spaCy loads it by default."""
    from claimgraph.extract.nlp import pipeline_package

    return pipeline_package().load()


def _tagger() -> str:
    from claimgraph.extract.attributions import learned

    if not learned.available():
        return "absent (rules only)"
    model = learned.load()
    return f"model {model.version}, {len(model.networks)} network(s) averaged"


def _without_learned(texts: list[str], chars: int) -> float:
    """Chars/s of the whole extraction with the attribution extractor's rules alone (1 process)."""
    from claimgraph.extract.attributions import AttributionExtractor
    from claimgraph.extract.base import Context
    from claimgraph.extract.nlp import load_nlp
    from claimgraph.extract.pipeline import build, run

    extractors = [AttributionExtractor(use_learned=False) if e.name == "attributions" else e for e in build()]
    nlp = load_nlp()
    start = time.perf_counter()
    from claimgraph.extract.parallel import BATCH

    for i in range(0, len(texts), BATCH):  # the batches Workers parses together
        batch = texts[i:i + BATCH]
        for text, doc in zip(batch, nlp.pipe(batch)):
            run(Context(text=text, parsed=doc), extractors)
    return chars / (time.perf_counter() - start)


if __name__ == "__main__":
    main()
