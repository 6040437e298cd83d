"""Save screenshots of the main pages of `claimgraph serve` into docs/screenshots/ for the README.

Usage: .venv/bin/python scripts/screenshots.py [--db claimgraph.db] [--out docs/screenshots]

Serves the ledger (built with `claimgraph demo` first when the file does not
exist) on a free port of 127.0.0.1 and drives Debian's Chromium through
Playwright (never `playwright install`). Prints each file it writes.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(REPO / "claimgraph.db"))
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("screenshots: /usr/bin/chromium is missing (apt-get install chromium)", file=sys.stderr)
        return 1
    if not Path(args.db).exists():
        print(f"screenshots: building the demo ledger {args.db}", file=sys.stderr)
        subprocess.run([str(REPO / ".venv" / "bin" / "claimgraph"), "demo", "--db", args.db], check=False,
                       stdout=subprocess.DEVNULL)

    import uvicorn
    from playwright.sync_api import sync_playwright

    from claimgraph.serve.app import create_app

    app = create_app(args.db, extract=False)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import httpx

    dashboard = httpx.get(base + "/api/").json()
    figures = httpx.get(base + "/api/figures", params={"limit": 500}).json()["figures"]
    shots = [("dashboard", "/", None), ("figures", "/figures", "#timeline.chart-ready")]
    by_document = Counter(f["document_id"] for f in figures)
    if by_document:
        shots.append(("document", f"/documents/{by_document.most_common(1)[0][0]}", None))
    elif dashboard["latest_documents"]:
        shots.append(("document", dashboard["latest_documents"][0]["url"], None))
    by_origin = Counter(f["origin_url"] for f in figures if f.get("origin_url"))
    if by_origin:
        shots.append(("source", by_origin.most_common(1)[0][0], None))
    shots += [("search", "/search?q=North+Korean", None), ("items", "/items", None), ("upload", "/upload", None)]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            for name, path, wait_for in shots:
                page.goto(base + path)
                if wait_for:
                    try:
                        page.wait_for_selector(wait_for, timeout=20_000)
                    except Exception:  # noqa: BLE001 - a missing chart still leaves a useful picture
                        print(f"screenshots: {name}: {wait_for} did not appear", file=sys.stderr)
                target = out / f"{name}.png"
                page.screenshot(path=str(target), full_page=False)
                print(target)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.ledger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
