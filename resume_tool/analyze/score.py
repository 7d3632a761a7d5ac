"""The match score: weighted coverage of the target keywords, published and versioned.

Formula, version ``SCORE_VERSION`` (also in the README):

* The *target set* is every current (non-legacy) keyword the posting mentions, plus the
  role's core terms; without a posting, the role's core terms and its other terms.
* A target keyword's *weight* is its weight in the role profile (else in the keyword list:
  credentials and code sets weigh most, soft skills least) times a multiplier:
  required in the posting ×2, preferred ×1, a role core term the posting does not name ×1;
  without a posting, core ×2, other role terms ×1.
* A keyword the resume has — itself or a more specific term that satisfies it
  (ICD-10-CM for ICD-10) — earns its full weight; a legacy form or a credential variant
  earns nothing. Credentials a posting sentence offers as alternatives ("CPC or CCS-P")
  are one requirement: when the resume holds one, the others leave the target set.
* score = round(100 × earned ÷ possible). Bands: strong ≥ 75, fair 50–74, weak < 50.

The score measures keyword coverage only. It does not predict what any particular
ATS or recruiter will do.
"""

from __future__ import annotations

from dataclasses import dataclass

SCORE_VERSION = "1.0"
BANDS = ((75, "strong"), (50, "fair"), (0, "weak"))
REQUIRED_MULTIPLIER = 2.0
PREFERRED_MULTIPLIER = 1.0
CORE_MULTIPLIER_NO_POSTING = 2.0
OTHER_MULTIPLIER = 1.0


@dataclass(frozen=True)
class Target:
    """One keyword the score looks for, with why it weighs what it weighs."""

    entry_id: str
    weight: float
    multiplier: float
    reason: str  # "required", "preferred", "core", "role term"

    @property
    def max_points(self) -> float:
        return round(self.weight * self.multiplier, 4)


def band_for(score: int) -> str:
    for floor, name in BANDS:
        if score >= floor:
            return name
    return "weak"


def compute_score(earned: float, possible: float) -> int:
    if possible <= 0:
        return 0
    return round(100 * earned / possible)
