"""Check the extractors against the floors in eval/floors.json (CI runs this when ../shared is present).

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
    args = parser.parse_args()
    if not (args.shared / "data").is_dir():
        print(f"check_floors: {args.shared} has no data/; nothing to check", file=sys.stderr)
        return 0
    floors = json.loads((HERE / "floors.json").read_text())
    measured: dict[str, dict[str, float]] = {}
    if "polnear" in floors:
        from claimgraph.eval import polnear

        measured["polnear"] = polnear.evaluate(args.shared / "data" / "polnear" / "dev")
    if "figures" in floors:
        from claimgraph.eval import figures

        measured["figures"] = figures.evaluate(args.shared / "data" / "conflict-figures" / "dev")
    failed = False
    for corpus, metrics in floors.items():
        for name, floor in metrics.items():
            if name.startswith("_"):
                continue
            value = measured[corpus][name]
            ok = value + 1e-9 >= floor
            failed |= not ok
            print(f"{corpus:<8} {name:<22} {value:.4f}  floor {floor:.4f}  {'ok' if ok else 'BELOW FLOOR'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
