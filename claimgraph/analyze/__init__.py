"""Cross-document analysis: sources and aliases, reporting chains and independent origins, claim
clusters, figure timelines and contradictions, Admiralty grading, exports.

Works on what the ledger holds; never runs extractors and never edits statements.
"""

from claimgraph.analyze.chains import CitationGraph, Independence, Report, independence
from claimgraph.analyze.claims import Claim, claims
from claimgraph.analyze.clusters import Cluster, cluster_statements, figure_clusters
from claimgraph.analyze.exports import export, validate_ftm
from claimgraph.analyze.grading import credibility, grade_history, set_grade
from claimgraph.analyze.sources import Resolver, Source, SourceBook, normalize
from claimgraph.analyze.timelines import (
    Contradiction,
    Estimate,
    FigureQuery,
    Timeline,
    figure_timeline,
)

__all__ = [
    "CitationGraph", "Claim", "Cluster", "Contradiction", "Estimate", "FigureQuery", "Independence", "Report",
    "Resolver", "Source", "SourceBook", "Timeline", "claims", "cluster_statements", "credibility", "export",
    "figure_clusters", "figure_timeline", "grade_history", "independence", "normalize", "set_grade",
    "validate_ftm",
]
