"""The check report as JSON: the documented contract in docs/report-schema.json.

Deterministic on purpose: the same ``Report`` gives byte-identical JSON, so outputs can be
diffed and cached. Lists whose order carries no meaning (sets of ids, sections, forms) are
sorted; lists in reading order (experience, bullets, sentences, findings) are kept.
"""

from __future__ import annotations

from typing import Any

from ..models import Finding, KeywordResult, Posting, Report
from .view import SEVERITY_ORDER, is_matched, is_must_have

POINTS_DIGITS = 4  # enough for any score formula; hides float noise like 2.4999999


def _num(value: float) -> float:
    return round(float(value), POINTS_DIGITS) + 0.0  # "+ 0.0" turns -0.0 into 0.0


def _keyword(k: KeywordResult) -> dict[str, Any]:
    return {
        "id": k.id,
        "term": k.term,
        "acronym": k.acronym,
        "long_form": k.long_form,
        "category": k.category,
        "weight": _num(k.weight),
        "required": k.required,
        "core": k.core,
        "target": k.target,
        "in_posting": k.in_posting,
        "posting_count": k.posting_count,
        "in_resume": k.in_resume,
        "resume_count": k.resume_count,
        "resume_forms": sorted(set(k.resume_forms)),
        "sections": sorted(set(k.sections)),
        "satisfied_by": sorted(set(k.satisfied_by)),
        "has_acronym": k.has_acronym,
        "has_long_form": k.has_long_form,
        "points": _num(k.points),
        "max_points": _num(k.max_points),
        "posting_sentences": list(k.posting_sentences),
        "source": k.source,
        "alternatives": list(k.alternatives),
        "or_equivalent": k.or_equivalent,
        "hint": k.hint,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity,
        "message": f.message,
        "fix": f.fix,
        "where": f.where,
    }


def _posting(p: Posting | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "path": p.path,
        "title": p.title,
        "keyword_count": len(p.keywords),
        "required_count": sum(1 for k in p.keywords if k.required),
        "unknown_terms": list(p.unknown_terms),
        "domain": p.domain,
        "requirements": [
            {"ids": list(r.ids), "required": r.required, "or_equivalent": r.or_equivalent,
             "sentence": r.sentence}
            for r in p.requirements
        ],
    }


def _resume(report: Report) -> dict[str, Any]:
    """``Resume.to_dict()`` (which leaves out the internal Document), with sorted maps."""
    data = report.resume.to_dict()
    contact = data["contact"]
    contact["found_in"] = dict(sorted(contact["found_in"].items()))
    return data


def _summary(report: Report) -> dict[str, Any]:
    has_posting = report.posting is not None
    target = [k for k in report.keywords if k.target]
    missing = [k for k in target if not is_matched(k)]
    return {
        "target_keywords": len(target),
        "matched_keywords": len(target) - len(missing),
        "missing_keywords": len(missing),
        "missing_must_have": sum(1 for k in missing if is_must_have(k, has_posting)),
        "findings": {
            sev: sum(1 for f in report.findings if f.severity == sev) for sev in SEVERITY_ORDER
        },
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON-ready report; keys follow docs/report-schema.json in order."""
    return {
        "schema_version": report.schema_version,
        "tool_version": report.tool_version,
        "score": report.score,
        "band": report.band,
        "score_version": report.score_version,
        "score_explanation": list(report.score_explanation),
        "sub_scores": _sub_scores(report),
        "role": report.role,
        "role_name": report.role_name,
        "role_inferred": report.role_inferred,
        "domain": report.domain,
        "domain_evidence": list(report.domain_evidence),
        "checks": [
            {"kind": c.kind, "status": c.status, "message": c.message, "evidence": c.evidence}
            for c in report.checks
        ],
        "summary": _summary(report),
        "resume": _resume(report),
        "posting": _posting(report.posting),
        "keywords": [_keyword(k) for k in sorted(report.keywords, key=lambda k: k.id)],
        "findings": [_finding(f) for f in report.findings],
        "to_consider": [dict(sorted(item.items())) for item in report.to_consider],
        "writing": _writing(report),
    }


def _sub_scores(report: Report) -> dict[str, Any]:
    """keywords, format, writing: each ``{"score": 0-100 or null, "explanation": [...]}``."""
    from ..analyze.subscores import sub_scores

    subs = report.sub_scores or sub_scores(report)  # a Report built without api.check
    return {s.name: {"score": s.score, "explanation": list(s.explanation)} for s in subs}


def _writing(report: Report) -> dict[str, Any] | None:
    if report.writing is None:
        return None
    from ..writing import writing_to_dict

    return writing_to_dict(report.writing)
