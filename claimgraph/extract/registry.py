"""Imports every extractor module so that each registers itself with `extract.base`."""

from claimgraph.extract import attributions, entities, events, figures, hedges, items  # noqa: F401
