"""Recovered items: inventories ("Among the findings were ...", "Also recovered were ...")
read into one record per item with quantity, kind and origin, linked to the attribution
that reports them.

Importing this package registers the `items` extractor; cues, number words and
origin phrases are data (`model/vocab/items.yaml`).
"""

from claimgraph.extract.items.extractor import NAME, VERSION, ItemExtractor
from claimgraph.extract.items.inventory import load_inventory

__all__ = ["NAME", "VERSION", "ItemExtractor", "load_inventory"]
