"""claimgraph: a provenance-first evidence ledger for conflict reporting."""

__version__ = "0.1.0"
