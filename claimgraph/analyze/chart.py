"""Chart of figure estimates over time: each estimate an interval bar at its date, one colour per
independent origin, open-ended intervals with an arrow, contradictions ringed in red.

Draws with matplotlib's non-interactive Agg backend to SVG or PNG; takes estimates, reads nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from claimgraph.analyze.timelines import Estimate, interval_text
from claimgraph.errors import ClaimgraphError

FORMATS = (".svg", ".png")


def draw(estimates: list[Estimate], out: Path, *, title: str = "Estimates over time") -> Path:
    """Write the chart to `out` (.svg or .png) and return the path."""
    if out.suffix.lower() not in FORMATS:
        raise ClaimgraphError(f"cannot draw a {out.suffix or 'suffix-less'} file", subject=str(out),
                              fix="name the chart file .svg or .png")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    dated = [e for e in estimates if e.when is not None]
    if not dated:
        raise ClaimgraphError("no dated estimates to draw", subject=str(out),
                              fix="widen the query (--subject, --category, --since)")
    origins = list(dict.fromkeys(e.origin for e in dated))
    palette = plt.get_cmap("tab20" if len(origins) > 10 else "tab10")
    colour = {o: palette(i % palette.N) for i, o in enumerate(origins)}
    top = max(max(e.value_low or 0, e.value_high or 0) for e in dated) or 1.0
    ceiling = top * 1.6
    lows = [e.value_low for e in dated if e.value_low]
    log = bool(lows) and top / max(min(lows), 1.0) > 50

    fig, ax = plt.subplots(figsize=(11, 6))
    seen_day: dict[date, int] = {}
    labelled: set[str] = set()
    for e in dated:
        assert e.when is not None
        nudge = seen_day.get(e.when, 0)  # estimates of one day sit side by side
        seen_day[e.when] = nudge + 1
        x = float(mdates.date2num(e.when + timedelta(hours=10 * nudge)))
        low = e.value_low or (1.0 if log else 0.0)
        high = e.value_high if e.value_high is not None else ceiling
        label = e.origin if e.origin not in labelled else "_nolegend_"
        labelled.add(e.origin)
        if e.value_high is not None and e.value_high == e.value_low:  # a point estimate
            ax.plot([x], [low], marker="o", markersize=7, color=colour[e.origin], label=label)
        else:
            ax.vlines(x, low, high, colors=[colour[e.origin]], linewidth=6, alpha=0.85, label=label)
            ax.plot([x], [low], marker="_", markersize=14, color=colour[e.origin])
        if e.value_high is None:
            ax.annotate("", xy=(x, ceiling), xytext=(x, ceiling / 1.25 if log else ceiling * 0.92),
                        arrowprops={"arrowstyle": "->", "color": colour[e.origin]})
        ax.annotate(f"{interval_text(e.value_low, e.value_high)} ×{e.origins}", (x, low),
                    textcoords="offset points", xytext=(6, -10), fontsize=7)
        if e.contradicts:
            mid = (low * high) ** 0.5 if log else (low + high) / 2
            ax.plot([x], [mid], marker="o", markersize=16, markerfacecolor="none", markeredgecolor="red",
                    markeredgewidth=2, label="contradicted" if "contradicted" not in labelled else "_nolegend_")
            labelled.add("contradicted")
    if log:
        ax.set_yscale("log")
    ax.xaxis_date()
    ax.set_title(title)
    ax.set_xlabel("as of (publication date when unknown)")
    ax.set_ylabel("value (bars: intervals; arrows: open-ended; ×N: independent origins)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.autofmt_xdate()
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format=out.suffix.lower().lstrip("."), dpi=120)
    plt.close(fig)
    return out
