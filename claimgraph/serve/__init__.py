"""The web server: JSON API under /api/ and HTML pages side by side, over the same data.

`create_app(db)` builds the FastAPI application; `claimgraph serve` runs it on
uvicorn. Nothing here is needed to use the ledger from Python or the CLI.
"""

from claimgraph.serve.app import create_app

__all__ = ["create_app"]
