"""Check the extractors against the floors in eval/floors.json (CI runs this on every build).

`polnear` and `figures` are the dev splits in ../shared (skipped when it is absent); any other
key names one of our own held-out figure sets in this folder (`heldout`, `heldout-b`, …), which
guard the mechanisms fixed from them against regressions. The blind set is never listed here.
Prints every measured metric beside its floor and exits 1 when any falls below.
Floors only go up: raise them in floors.json when the extractors improve.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--floors", type=Path, default=HERE / "floors.json")
    args = parser.parse_args()
    floors = json.loads(args.floors.read_text())
    shared = {"polnear": args.shared / "data" / "polnear" / "dev",
              "figures": args.shared / "data" / "conflict-figures" / "dev"}
    if not (args.shared / "data").is_dir():
        print(f"check_floors: {args.shared} has no data/; the dev-split floors are skipped", file=sys.stderr)
        floors = {corpus: metrics for corpus, metrics in floors.items() if corpus not in shared}
    measured: dict[str, dict[str, float]] = {}
    for corpus in floors:
        if corpus == "polnear":
            from claimgraph.eval import polnear

            measured[corpus] = polnear.evaluate(shared[corpus])
        else:
            from claimgraph.eval import figures

            folder = shared.get(corpus, HERE / corpus)
            if not folder.is_dir():
                print(f"check_floors: no folder {folder} for the floors of {corpus!r} "
                      "(fix: name an eval/ held-out folder in floors.json)", file=sys.stderr)
                return 1
            measured[corpus] = figures.evaluate(folder)
    failed = False
    for corpus, metrics in floors.items():
        for name, floor in metrics.items():
            if name.startswith("_"):
                continue
            value = measured[corpus][name]
            ok = value + 1e-9 >= floor
            failed |= not ok
            print(f"{corpus:<9} {name:<22} {value:.4f}  floor {floor:.4f}  {'ok' if ok else 'BELOW FLOOR'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
