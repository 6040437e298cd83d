"""Events: dated military actions (strike, attack, launch, capture, deploy, ...) with their
actor, target, place and weapon, the attribution that carries them and whether they are hedged.

Importing this package registers the `events` extractor; the action vocabulary
is data (`model/vocab/events.yaml`).
"""

from claimgraph.extract.events.actions import load_actions
from claimgraph.extract.events.extractor import NAME, VERSION, EventExtractor

__all__ = ["NAME", "VERSION", "EventExtractor", "load_actions"]
