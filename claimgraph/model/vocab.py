"""Controlled vocabularies shipped as YAML data files under `model/vocab/`.

Each file is loaded once, checked against the shape its users expect, and
returned as plain Python data. A user overlay (same file name under the
directory named by CLAIMGRAPH_VOCAB_DIR) replaces top-level keys of the shipped
file. Nothing here knows about extraction logic.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from claimgraph.errors import ConfigError

VOCAB_DIR = Path(__file__).with_name("vocab")


@cache
def load_vocab(name: str) -> dict[str, Any]:
    """Return the vocabulary `name` (file `name.yaml`), shipped defaults plus user overlay."""
    path = VOCAB_DIR / f"{name}.yaml"
    data = _read(path)
    overlay_dir = os.environ.get("CLAIMGRAPH_VOCAB_DIR")
    if overlay_dir:
        overlay = Path(overlay_dir) / f"{name}.yaml"
        if overlay.exists():
            data.update(_read(overlay))
    return data


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("vocabulary file missing", subject=str(path),
                          fix="reinstall claimgraph or restore the file") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", subject=str(path), fix="correct the YAML syntax") from exc
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping at the top level", subject=str(path),
                          fix="make the file a YAML mapping of names to entries")
    return data
