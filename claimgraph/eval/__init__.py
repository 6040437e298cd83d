"""Scoring extractors against annotated corpora (PolNeAR attributions, conflict figures).

Each corpus has its own module with a loader, a scorer that follows the corpus's
written scoring contract, and a runner that feeds the corpus through the
project's extractors. Nothing here trains or tunes a model.
"""
