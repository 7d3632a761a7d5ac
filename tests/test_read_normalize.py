"""normalize_text: one spelling per character before matching and date parsing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_tool.read import normalize_text
from resume_tool.read.normalize import repair_mojibake, strip_bullet


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Certiﬁed coder, ﬂuent", "Certified coder, fluent"),  # ligatures (NFKC)
        ("eﬀective, eﬃcient, baﬄed, ﬅﬆ", "effective, efficient, baffled, stst"),  # U+FB00-FB06
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        ("CPC\u00a0–\u202fAAPC\u2007x", "CPC – AAPC x"),  # no-break, narrow and figure spaces
        ("ICD\u200b-10\u200d-CM\ufeff", "ICD-10-CM"),  # zero-width characters and BOM
        ("reim\u00adbursement", "reimbursement"),  # soft hyphen
        ("CPT® and HCPCS™ by AMA© and AHIMA℠", "CPT and HCPCS by AMA and AHIMA"),
        ("“Epic” ‘Resolute’ Jan ’19 – Dec ’20", "\"Epic\" 'Resolute' Jan '19 – Dec '20"),
        ("ICD\u201110\u2010CM \u2212 E\u2012M", "ICD-10-CM - E-M"),  # dash-like to "-"
        ("March 2021 – Present — now", "March 2021 – Present — now"),  # en/em dash kept
        ("too    many \t spaces  ", "too many spaces"),
        ("ＣＰＣ ＡＡＰＣ", "CPC AAPC"),  # full-width forms
        ("CPC\x00\x07 exam\x1b\x9d", "CPC exam"),  # control characters dropped
        ("Â Â â€¢ Office supportÂ filing donâ€™t", "• Office support filing don't"),  # mojibake
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_mojibake_repair_leaves_real_accents_alone() -> None:
    assert repair_mojibake("Résumé, café, Ângelo") == "Résumé, café, Ângelo"


@pytest.mark.parametrize(
    ("raw", "text", "bullet"),
    [
        ("• Coded charts", "Coded charts", True),
        ("\uf0b7\tCoded charts", "Coded charts", True),  # Word Symbol-font bullet
        ("▪ | Denials", "Denials", True),
        ("– AR follow-up", "AR follow-up", True),  # en dash used as a bullet
        ("- HCPCS", "HCPCS", True),
        ("-10% denials", "-10% denials", False),  # a minus sign, not a bullet
        ("2019 – 2021", "2019 – 2021", False),
    ],
)
def test_strip_bullet(raw: str, text: str, bullet: bool) -> None:
    assert strip_bullet(raw) == (text, bullet)


@given(st.text())
def test_normalize_never_raises_and_is_clean(s: str) -> None:
    out = normalize_text(s)
    assert isinstance(out, str)
    assert "\r" not in out
    for bad in ("\u00a0", "\u200b", "\ufeff", "\u00ad", "®", "™", "  ", "\t", "\u2212", "\x00"):
        assert bad not in out


@given(st.text(alphabet=st.characters(categories=("Cs", "Co", "Cc", "Cf", "Zs", "Lu", "Pd"))))
def test_normalize_survives_surrogates_controls_and_private_use(s: str) -> None:
    """Lone surrogates (from a bad decoder) and private-use glyphs must not raise either."""
    out = normalize_text(s)
    assert normalize_text(out) is not None


def test_fullwidth_dash_mojibake_from_resume_sites() -> None:
    from resume_tool.read import normalize_text

    assert normalize_text("Company Name ï¼\u200b City , State") == "Company Name - City , State"
    assert normalize_text("naïve coder") == "naïve coder"
