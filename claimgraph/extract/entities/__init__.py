"""Entity mentions: people, organisations (outlets, wires, ministries, intelligence services),
places, nationalities, military units, weapon systems and normalized dates.

Importing this package registers the `entities` extractor. The lexicon is data
(`model/vocab/entities.yaml`); nothing here edits the shared spaCy pipeline.
"""

from claimgraph.extract.entities.dates import normalize_date
from claimgraph.extract.entities.extractor import NAME, VERSION, EntityExtractor
from claimgraph.extract.entities.lexicon import load_lexicon

__all__ = ["NAME", "VERSION", "EntityExtractor", "load_lexicon", "normalize_date"]
