"""Measure extraction against gold rows in ACLED's column layout.

No spaCy here: the extractor is imported only when evaluation runs.
"""

from __future__ import annotations

from conflict_events.evaluate.gold import GoldExample, GoldFormatError, read_gold, stratified_sample
from conflict_events.evaluate.matching import FIELDS, Match, best_match, compare
from conflict_events.evaluate.run import (
    EvaluationResult,
    Extractor,
    GroupScores,
    ScoredExample,
    evaluate,
    make_extractor,
    run_evaluate_command,
    score_examples,
)

__all__ = [
    "EvaluationResult",
    "Extractor",
    "FIELDS",
    "GoldExample",
    "GoldFormatError",
    "GroupScores",
    "Match",
    "ScoredExample",
    "best_match",
    "compare",
    "evaluate",
    "make_extractor",
    "read_gold",
    "run_evaluate_command",
    "score_examples",
    "stratified_sample",
]
