"""The match score: weighted coverage of the target keywords, published and versioned.

Formula, version ``SCORE_VERSION`` 2.1 (also in the README). The score measures keyword
coverage only: not layout, not years, title or education (those are reported as lines of their
own and never enter the score), and it does not predict what any ATS or recruiter will do.

* **Two tiers, never mixed.** With a posting, the *posting tier* is every current (non-legacy)
  requirement the posting names: required ×2, preferred ×1 (``source: "posting"``). The *role
  tier* is the role profile's core terms the posting does not name, ×0.25 each
  (``source: "role"``): "often asked for in <role> postings", never "required". The role tier
  exists only when the posting is a medical coding, billing or HIM job (``domain: "coding"``) or
  the user chose the role with ``--role``; for a near-miss healthcare posting (patient access,
  medical assistant, non-US billing) only its own terms count, and a posting with nothing
  medical at all is not scored (band "not scored"): the lists know few of its terms.
* Without a posting the role profile is the target: core terms ×2, other role terms ×1, all
  ``source: "role"``. A resume with no coding, billing or healthcare evidence at all is not
  scored against an assumed coding role (band "not scored") unless a role is chosen.
* An either-or requirement ("CPC, COC or CCS", "Epic/Cerner", "3M or similar") is one target,
  satisfied by any member, weighted as its heaviest member. "X or equivalent" with a different
  credential in the resume leaves the target set (and the explanation says so).
* A keyword's *weight* is its weight in the role profile, else in the keyword list (credentials
  and code sets weigh most, soft skills least), times the multiplier above.
* A target the resume has — itself or a more specific term that satisfies it (ICD-10-CM for
  ICD-10) — earns its full weight; a legacy form or a credential variant earns nothing.
* score = round(100 × earned ÷ possible). Bands: strong ≥ 75, fair 50–74, weak < 50.
"""

from __future__ import annotations

from dataclasses import dataclass

SCORE_VERSION = "2.1"
# 2.1: the keyword score is unchanged; reports gain three sub-scores beside it (keywords,
# format, writing; analyze/subscores.py), each 0-100 with its explanation, never added in.
BANDS = ((75, "strong"), (50, "fair"), (0, "weak"))
REQUIRED_MULTIPLIER = 2.0
PREFERRED_MULTIPLIER = 1.0
CORE_MULTIPLIER_NO_POSTING = 2.0
OTHER_MULTIPLIER = 1.0
ROLE_TIER_MULTIPLIER = 0.25  # a role-profile term the posting does not name
NOT_SCORED_BAND = "not scored"


@dataclass(frozen=True)
class Target:
    """One keyword the score looks for, with why it weighs what it weighs."""

    entry_id: str
    weight: float
    multiplier: float
    reason: str  # "required", "preferred" (posting); "role" (role tier); "core", "role term" (no posting)

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
