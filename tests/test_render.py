"""Render stage: JSON contract, text summary, self-contained HTML, Markdown, XSS safety."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from resume_tool.errors import EXIT_BAD_INPUT, InputError
from resume_tool.models import Report
from resume_tool.render import FORMATS, format_for_path, render_report, report_to_dict
from resume_tool.render.report import html_env, md_code_block, md_env, md_escape
from resume_tool.render.view import build_chart, build_gauge, build_view, fmt_points, snippet
from tests.report_samples import IMG, SCRIPT, hostile_report, no_text_report, sample_report

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "report-schema.json"
ANSI = re.compile(r"\x1b\[")


# ----------------------------------------------------------- schema validator
class SchemaError(AssertionError):
    pass


# The JSON Schema keywords this validator understands. Anything else in the schema is an
# error, so the schema can never rely on a rule that is silently not checked.
_ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs"}
_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
}


def validate(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$") -> None:
    """A small JSON Schema (2020-12) validator for the subset docs/report-schema.json uses."""
    known = _ANNOTATIONS | {
        "$ref", "type", "enum", "properties", "required", "additionalProperties",
        "items", "minimum", "maximum", "pattern", "anyOf",
    }  # fmt: skip
    unknown = set(schema) - known
    if unknown:
        raise SchemaError(f"{path}: schema uses unsupported keywords {sorted(unknown)}")
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/$defs/"), ref
        validate(value, root["$defs"][ref.removeprefix("#/$defs/")], root, path)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            raise SchemaError(f"{path}: {value!r} is not of type {types}")
    if "enum" in schema and value not in schema["enum"]:
        raise SchemaError(f"{path}: {value!r} not in {schema['enum']}")
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                validate(value, option, root, path)
                break
            except SchemaError as err:
                errors.append(str(err))
        else:
            raise SchemaError(f"{path}: matches no option: {errors}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                raise SchemaError(f"{path}: missing required key {key!r}")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                validate(item, props[key], root, f"{path}.{key}")
            elif extra is False:
                raise SchemaError(f"{path}: unexpected key {key!r}")
            elif isinstance(extra, dict):
                validate(item, extra, root, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            validate(item, schema["items"], root, f"{path}[{i}]")
    if _TYPES["number"](value):
        if "minimum" in schema and value < schema["minimum"]:
            raise SchemaError(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise SchemaError(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        raise SchemaError(f"{path}: {value!r} does not match {schema['pattern']}")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


REPORTS = {"sample": sample_report, "no_text": no_text_report, "hostile": hostile_report}


@pytest.fixture(params=sorted(REPORTS))
def any_report(request: pytest.FixtureRequest) -> Report:
    return REPORTS[request.param]()


# --------------------------------------------------------------------- JSON
def test_schema_is_draft_2020_12_with_version(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "schema_version" in schema["required"]


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.pop("score"), "missing required key 'score'"),
        (lambda d: d.update(score=101), "> 100"),
        (lambda d: d.update(score=True), "not of type"),
        (lambda d: d.update(extra=1), "unexpected key 'extra'"),
        (lambda d: d["findings"][0].update(severity="fatal"), "not in"),
        (lambda d: d["resume"]["experience"][0].update(start="03/2020"), "matches no option"),
        (lambda d: d.update(posting="x"), "matches no option"),
        (lambda d: d["keywords"][0].update(points=-1.0), "< 0"),
    ],
)
def test_validator_rejects_bad_documents(mutate: Any, message: str, schema: dict) -> None:
    data = report_to_dict(sample_report())
    validate(data, schema, schema)  # valid before the change
    mutate(data)
    with pytest.raises(SchemaError, match=re.escape(message)):
        validate(data, schema, schema)


def test_validator_refuses_unknown_schema_keywords() -> None:
    bad = {"type": "string", "minLength": 1}
    with pytest.raises(SchemaError, match="unsupported keywords"):
        validate("x", bad, bad)


def test_json_matches_schema(any_report: Report, schema: dict[str, Any]) -> None:
    validate(json.loads(render_report(any_report, "json")), schema, schema)


def test_json_round_trips_and_is_deterministic(any_report: Report) -> None:
    out = render_report(any_report, "json")
    assert out.endswith("}\n")
    assert json.loads(out) == report_to_dict(any_report)
    assert render_report(copy.deepcopy(any_report), "json") == out


def test_json_does_not_depend_on_unordered_input_order() -> None:
    a = sample_report()
    b = sample_report()
    b.keywords.reverse()
    for k in b.keywords:
        k.sections.reverse()
        k.resume_forms.reverse()
    b.resume.contact.found_in = dict(reversed(list(b.resume.contact.found_in.items())))
    b.to_consider = [dict(reversed(list(item.items()))) for item in b.to_consider]
    assert render_report(a, "json") == render_report(b, "json")


def test_json_content() -> None:
    report = sample_report()
    data = report_to_dict(report)
    assert list(data)[:3] == ["schema_version", "tool_version", "score"]
    assert (data["score"], data["band"], data["score_version"]) == (64, "Fair match", "2024.1")
    assert data["role_inferred"] is True
    assert "document" not in data["resume"] and '"lines":' not in json.dumps(data["resume"])
    assert data["resume"]["contact"]["name"] == "Jordan A. Rivera"
    assert [e["end"] for e in data["resume"]["experience"]] == ["present", "2020-02"]
    assert data["posting"]["keyword_count"] == len(report.posting.keywords)  # type: ignore[union-attr]
    assert data["posting"]["unknown_terms"] == ["Riverside scheduling portal", "payer portals"]
    ids = [k["id"] for k in data["keywords"]]
    assert ids == sorted(ids)
    cpt = next(k for k in data["keywords"] if k["id"] == "cpt")
    assert cpt["long_form"] == "Current Procedural Terminology"
    assert (cpt["points"], cpt["max_points"], cpt["required"]) == (5.5, 6.0, True)
    assert cpt["sections"] == ["experience", "skills"]
    assert data["summary"] == {
        "target_keywords": 13,
        "matched_keywords": 8,
        "missing_keywords": 5,
        "missing_must_have": 2,
        "findings": {"error": 1, "warning": 2, "info": 1},
    }
    assert [f["severity"] for f in data["findings"]] == ["error", "warning", "warning", "info"]


def test_json_no_text_report() -> None:
    data = report_to_dict(no_text_report())
    assert data["score"] == 0 and data["posting"] is None
    assert data["findings"][0]["code"] == "no-text"
    assert data["summary"]["matched_keywords"] == 0


def test_json_keeps_unicode_and_rounds_float_noise() -> None:
    report = sample_report()
    report.keywords[0].points = 2.4999999999
    data = json.loads(render_report(report, "json"))
    assert next(k for k in data["keywords"] if k["id"] == "icd-10-cm")["points"] == 2.5
    assert "Outpatient Medical Coder II – Riverside Health" in render_report(report, "json")


# --------------------------------------------------------------------- text
def test_text_without_posting_lists_core_keywords() -> None:
    report = no_text_report()
    report.resume.document.lines = sample_report().resume.document.lines
    out = render_report(report, "text")
    # no posting: the role profile is the target, and the wording says so (never "the posting")
    assert "Missing keywords common in" in out and "postings (add only if true)" in out
    assert "posting asks" not in out and "Missing keywords the posting requires" not in out
    assert "- CPT (Current Procedural Terminology)" in out


def test_text_summary() -> None:
    out = render_report(sample_report(), "text")
    assert "64/100" in out and "Fair match" in out and "2024.1" in out
    assert "assumed from the posting and your resume" in out
    assert "Missing keywords the posting requires (add only if true)" in out
    assert "HCPCS Level II" in out and "NCCI edits" in out
    assert "Fix: Move your contact details into the first lines of the page body." in out
    assert out.index("Must fix") < out.index("Should fix") < out.index("Good to know")
    assert "Current Procedural Terminology (CPT)" in out  # acronym advice
    assert "6 of 11 matched" in out  # the 2 role-tier terms are counted apart and "1 must fix" in out
    assert "does not predict" in " ".join(out.split())
    assert not ANSI.search(out)


def test_text_no_ansi_when_piped_even_if_environment_forces_colour(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    out = render_report(sample_report(), "text", color=False)
    assert "\x1b" not in out


def test_text_colour_uses_ansi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # the caller asked for colour; that decision wins
    out = render_report(sample_report(), "text", color=True)
    assert ANSI.search(out)
    assert "64/100" in ANSI.sub("", out)


@pytest.mark.parametrize("width", [40, 60, 100])
def test_text_respects_width(width: int) -> None:
    out = render_report(sample_report(), "text", width=width)
    assert max(len(line) for line in out.splitlines()) <= width
    assert not any(line != line.rstrip() for line in out.splitlines())


def test_text_is_plain_data_not_markup() -> None:
    report = sample_report()
    report.findings[0].message = "Heading [bold]Skills[/bold] :smile: is odd"
    out = render_report(report, "text")
    assert "[bold]Skills[/bold] :smile:" in out


def test_text_strips_terminal_control_codes_from_user_text() -> None:
    report = sample_report()
    report.findings[0].message = "Heading \x1b[2J\x1b]0;owned\x07 odd"
    report.findings[0].fix = "Rename \x1b[31mit"
    plain = render_report(report, "text")
    assert "\x1b" not in plain and "\x07" not in plain
    assert "Heading [2J]0;owned odd" in plain
    coloured = render_report(report, "text", color=True)
    assert "\x1b[2J" not in coloured and "\x1b]0;" not in coloured and "\x1b[31mit" not in coloured


def test_text_no_text_report() -> None:
    out = render_report(no_text_report(), "text")
    assert "0/100" in out and "Not readable" in out
    assert "No text could be read from this PDF" in out
    # every keyword is "missing" only because nothing was read: say so instead of listing them
    assert "no keyword could be found. Fix the file first" in " ".join(out.split())
    assert "Missing core keywords" not in out
    assert "assumed" not in out  # role was chosen


# --------------------------------------------------------------------- HTML
class TagCollector(HTMLParser):
    """Every start tag with its attributes, and text grouped by the enclosing section id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.section: str | None = None
        self.text: dict[str | None, list[str]] = {}
        self.tables: dict[str | None, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "section":
            self.section = a.get("id")
        if tag == "table":
            self.tables[self.section] = self.tables.get(self.section, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.setdefault(self.section, []).append(data)

    def section_text(self, sid: str) -> str:
        return " ".join("".join(self.text.get(sid, [])).split())


def parse_html(html: str) -> TagCollector:
    p = TagCollector()
    p.feed(html)
    p.close()
    return p


def test_html_is_self_contained(any_report: Report) -> None:
    html = render_report(any_report, "html")
    low = html.lower()
    for bad in ("<link", "@import", "<script", "<iframe", "<object", "<embed", "<base"):
        assert bad not in low, bad
    for bad in ("http:", "https:", "//"):  # the samples hold no URLs with a scheme
        assert bad not in low, bad
    assert not re.search(r"url\((?!\s*['\"]?data:)", low)
    tags = parse_html(html).tags
    for tag, attrs in tags:
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_html_structure() -> None:
    html = render_report(sample_report(), "html")
    p = parse_html(html)
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in p.tags
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in p.tags)
    assert "@media print" in html and "@media (max-width" in html
    # the gauge: an SVG with the score in it and an accessible title
    assert re.search(
        r'<svg viewBox="0 0 200 200" role="img"[^>]*>\s*<title[^>]*>Score 64 out', html
    )
    assert re.search(r'<text class="num"[^>]*>64</text>', html)
    # coverage chart: one bar per category, with numbers (not colour) carrying the value
    assert len(re.findall(r"\d of \d · \d+%", p.section_text("coverage"))) == 5
    # the chart shows the posting tier only (the sample's role-tier E/M is in its own table)
    assert "Code sets 2 of 3 · 75%" in p.section_text("coverage")
    # keyword tables with header cells that say what they head
    # the role tier (role-profile terms the posting does not name) has its own table
    assert p.tables == {"missing": 1, "matched": 1, "role-tier": 1}
    scopes = [a.get("scope") for t, a in p.tags if t == "th"]
    assert "col" in scopes and "row" in scopes and None not in scopes
    missing = p.section_text("missing")
    for term in ("HCPCS Level II", "NCCI edits", "CCS", "3M 360 Encompass", "Denial management"):
        assert term in missing
    assert "Add a keyword only if it is true for you." in missing
    assert "Apply NCCI edits and modifiers to every claim." in missing  # posting sentence
    matched = p.section_text("matched")
    for term in ("CPC", "Certified Professional Coder", "Modifiers", "Epic", "5.5 of 6"):
        assert term in matched
    assert "Certifications, Contact, Summary" in matched  # where in the resume
    row_terms = re.findall(r'<th scope="row">([^<\n]*)', html)
    between = html[html.index('id="matched"') :]
    assert "HCPCS Level II" in row_terms and '<th scope="row">HCPCS Level II' not in between
    assert "Microsoft Excel" in matched  # found but not scored
    fix = p.section_text("fix")
    assert fix.index("Must fix") < fix.index("Should fix") < fix.index("Good to know")
    assert "Fix: Move your contact details" in fix
    badges = [
        a.get("class") for t, a in p.tags if t == "span" and "badge-" in (a.get("class") or "")
    ]
    assert {"badge badge-error", "badge badge-warning", "badge badge-info"} <= set(badges)
    assert "Certified Coding Specialist (CCS)" in p.section_text("consider")
    assert "Certifications. Add only if true." in p.section_text("consider")
    ats = p.section_text("ats")
    assert "Assign ICD-10-CM and CPT codes for 90+ outpatient encounters" in ats
    assert "jordan.rivera@example.com (in the header)" in ats
    assert '<pre class="ats">Jordan A. Rivera, CPC\n' in html
    about = p.section_text("about")
    assert "Score formula version 2024.1" in about and "does not predict" in about


def test_html_without_posting_and_without_text() -> None:
    html = render_report(no_text_report(), "html")
    p = parse_html(html)
    assert re.search(r'<text class="num"[^>]*>0</text>', html)
    assert 'class="value"' not in html  # no arc for a zero score
    assert "No text could be read from this file." in p.section_text("ats")
    assert "Where the posting asks for it" not in html
    assert "none given" in html
    assert "No text could be read from this PDF" in p.section_text("fix")
    assert "no keyword could be found" in p.section_text("missing")
    assert "no keyword could be found" not in render_report(sample_report(), "html")


def test_html_escapes_hostile_text() -> None:
    report = hostile_report()
    html = render_report(report, "html")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    tags = parse_html(html).tags
    assert {t for t, _ in tags} <= {
        "html", "head", "meta", "title", "style", "body", "div", "header", "p", "strong",
        "main", "section", "h2", "h3", "svg", "g", "circle", "text", "span", "ul", "li",
        "nav", "a", "rect", "desc", "table", "caption", "thead", "tr", "th", "tbody", "td",
        "mark", "dl", "dt", "dd", "pre", "footer", "h1",
        "details", "summary",  # the sub-scores' and the writing part's "how it is made" (inert)
    }  # fmt: skip
    for tag, attrs in tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    # the hostile text is shown, as text
    for place in (report.resume.contact.name, report.posting.title, report.band):  # type: ignore[union-attr]
        assert str(escape(place)) in html
    assert str(escape(SCRIPT)) in html and str(escape(IMG)) in html


def test_html_autoescape_is_on_for_html_templates() -> None:
    env = html_env()
    assert env is html_env()  # built once
    assert env.undefined is jinja2.StrictUndefined
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    assert env.autoescape("report.html.j2") is True  # type: ignore[operator]


def test_templates_fail_loudly_on_missing_values() -> None:
    with pytest.raises(jinja2.UndefinedError):
        html_env().get_template("report.html.j2").render(r=sample_report())


# ----------------------------------------------------------------- Markdown
def _table_rows(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("|")]


def _cells(row: str) -> int:
    """Columns in a Markdown table row, counting only unescaped pipes."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_markdown_content() -> None:
    md = render_report(sample_report(), "md")
    assert md.startswith("# Resume check: jordan-rivera-resume.pdf\n")
    assert "**Score: 64/100 · Fair match** (score formula 2024.1)" in md
    assert "| Keyword | Importance | Where the posting asks for it | Points |" in md
    assert "| Category | Keywords found | Share of weight |" in md
    assert "| Code sets | 2 of 3 | 75% |" in md
    assert "**HCPCS Level II** (HCPCS, Healthcare Common Procedure Coding System)" in md
    assert "“Apply **NCCI edits** and modifiers to every claim.”" in md
    assert "## To consider, only if true" in md
    assert "- **Must fix:** Your email, phone and city are only in the page header" in md
    assert "\\\n  **Fix:** Move your contact details" in md
    assert "```text\nJordan A. Rivera, CPC\n" in md
    assert "does not predict" in md
    assert "\n\n\n" not in md
    assert all(_cells(row) >= 3 for row in _table_rows(md))


def test_markdown_tables_keep_their_shape_with_hostile_text() -> None:
    md = render_report(hostile_report(), "md")
    blocks: list[list[str]] = []
    previous_was_row = False
    for line in md.splitlines():
        if line.startswith("|"):
            if not previous_was_row:
                blocks.append([])
            blocks[-1].append(line)
        previous_was_row = line.startswith("|")
    assert len(blocks) == 4  # coverage, missing, found, and the role tier's own table
    for block in blocks:
        assert len({_cells(row) for row in block}) == 1, block
    assert "**HCPCS Level II** &lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "\\| pipe" in md


def test_markdown_escapes_outside_code_blocks() -> None:
    md = render_report(hostile_report(), "md")
    outside = re.sub(r"```text\n.*?\n```", "", md, flags=re.S)
    assert "<script" not in outside and "<img" not in outside
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in outside
    # the extracted text stays verbatim inside its fence
    assert f"Objective {SCRIPT}" in md


def test_md_escape() -> None:
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("*x* _y_ [l](u) `c` #h") == "\\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` \\#h"
    assert md_escape("<b>&amp;") == "&lt;b&gt;&amp;amp;"
    assert md_escape("line\nbreak") == "line break"
    assert md_escape("- item") == "\\- item"
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("2.5") == "2.5"
    assert md_escape(None) == "" and md_escape(3) == "3"


def test_md_code_block_cannot_be_closed_by_its_text() -> None:
    block = md_code_block("a\n```\nb")
    assert block.startswith("````text\n") and block.endswith("\n````")


def test_markdown_env_escapes_every_output() -> None:
    env = md_env()
    assert env is md_env()
    assert env.from_string("{{ x }}|{{ x | markdown }}").render(x="a|b") == "a\\|b|a|b"


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_user_text_never_breaks_html_or_markdown(text: str) -> None:
    report = sample_report()
    report.resume.contact.name = text
    report.posting.title = text  # type: ignore[union-attr]
    report.keywords[2].posting_sentences = [text]
    report.findings[0].message = text
    html = render_report(report, "html")
    assert str(escape(text)) in html
    tags = {t for t, _ in parse_html(html).tags}
    assert "script" not in tags and "img" not in tags
    md = render_report(report, "md")
    rows = _table_rows(md)
    missing_header = next(r for r in rows if r.startswith("| Keyword | Importance | Where"))
    missing_rows = rows[rows.index(missing_header) :][:7]
    assert len({_cells(r) for r in missing_rows}) == 1


# -------------------------------------------------------------- view logic
def test_gauge_geometry() -> None:
    zero, half, full = build_gauge(0), build_gauge(50), build_gauge(100)
    assert zero.value_dash.startswith("0.00 ")
    assert full.value_dash == full.track_dash
    sweep = float(full.track_dash.split()[0])
    assert float(half.value_dash.split()[0]) == pytest.approx(sweep / 2, abs=0.01)
    assert build_gauge(140).value_dash == full.value_dash  # clamped


def test_chart_shares_by_weight() -> None:
    chart = build_chart(sample_report().keywords)
    bars = {b.label: b for b in chart.bars}
    assert chart.bars[0].label == "Code sets"  # biggest weight first
    code = bars["Code sets"]  # ICD 3 + CPT 3 + E/M 2 found of 10 (HCPCS 2 missing)
    assert (code.matched_count, code.total_count, code.percent, code.fill) == (3, 4, 80, "80.0%")
    assert bars["Compliance"].percent == 33  # HIPAA 1 of NCCI 2 + HIPAA 1
    assert "Microsoft Excel" not in str(chart)  # not a target keyword
    assert build_chart([]).bars == []


def test_view_orders_missing_by_importance() -> None:
    view = build_view(sample_report())
    assert [r.term for r in view.missing] == [
        "HCPCS Level II",
        "NCCI edits",
        "CCS",
        "3M 360 Encompass",
        "Denial management",
    ]
    assert [r.term for r in view.top_missing] == ["HCPCS Level II", "NCCI edits"]
    # two sample keywords the posting does not name (role tier) are counted apart
    assert view.counts == {"target": 11, "matched": 6, "missing": 5, "must_have_missing": 2}
    assert len(view.role_matched) == 2 and not view.role_missing


def test_snippet_marks_keyword_and_cuts_long_sentences() -> None:
    segs = snippet("Use cpt and CPT-II codes.", ["CPT"])
    assert [(s.text, s.hit) for s in segs] == [
        ("Use ", False),
        ("cpt", True),
        (" and ", False),
        ("CPT", True),
        ("-II codes.", False),
    ]
    long = "word " * 100 + "HIPAA rules " + "tail " * 100
    segs = snippet(long, ["HIPAA"], limit=80)
    text = "".join(s.text for s in segs)
    assert len(text) <= 82 and text.startswith("…") and text.endswith("…")
    assert any(s.hit and s.text == "HIPAA" for s in segs)
    assert snippet("", ["x"]) == []


def test_fmt_points() -> None:
    assert [fmt_points(x) for x in (0, 3.0, 2.5, 2.04999, 5.96)] == ["0", "3", "2.5", "2", "6"]


# ---------------------------------------------------------------- dispatch
@pytest.mark.parametrize(
    "path, fmt",
    [
        ("out/report.html", "html"),
        ("R.HTM", "html"),
        ("r.md", "md"),
        ("r.markdown", "md"),
        ("r.json", "json"),
        ("r.txt", "text"),
    ],
)
def test_format_for_path(path: str, fmt: str) -> None:
    assert format_for_path(path) == fmt
    assert fmt in FORMATS


@pytest.mark.parametrize("path", ["report.pdf", "report"])
def test_format_for_path_rejects_unknown_extensions(path: str) -> None:
    with pytest.raises(InputError) as info:
        format_for_path(path)
    assert info.value.exit_code == EXIT_BAD_INPUT
    assert str(info.value).startswith(f"{path}: cannot tell the report format")
    assert "\n" not in str(info.value)


def test_render_report_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="choose one of text, html, md, json"):
        render_report(sample_report(), "pdf")


def test_every_format_renders_every_report(any_report: Report) -> None:
    for fmt in FORMATS:
        out = render_report(any_report, fmt)
        assert out.endswith("\n") and str(any_report.score) in out


def test_score_is_described_as_keywords_only_in_every_format() -> None:
    """Issue 10: the score measures keywords only; no format may call it "layout fit"."""
    for report in (sample_report(), no_text_report()):
        for fmt in ("text", "md", "html"):
            out = render_report(report, fmt).replace("\n", " ")
            assert "keywords only" in out or "keyword coverage only" in out, fmt
            assert "layout fit" not in out, fmt
    view = build_view(sample_report())
    assert view.score_measures.startswith("It measures keywords only: how many of the terms this posting")


def test_real_reports_match_the_schema(schema: dict[str, Any], tmp_path) -> None:
    """Real runs (a coding posting, a non-healthcare posting, no posting, a not-scored resume)
    produce JSON the schema accepts: the new domain, checks, source, alternatives and hint fields."""
    from resume_tool.api import check

    root = Path(__file__).resolve().parents[1]
    other = tmp_path / "posting.txt"
    other.write_text("Software Engineer\n\nRequirements\n- 5+ years of Python.\n- Bachelor's degree.\n",
                     encoding="utf-8")
    agent = tmp_path / "agent.txt"
    agent.write_text("Sam Lee\nsam@example.com\n\nExperience\nReal Estate Agent | Lake Realty | 2019 – "
                     "Present\n- Sold 40 homes a year.\n", encoding="utf-8")
    reports = [
        check(root / "examples" / "resume.docx", posting=root / "examples" / "posting.txt"),
        check(root / "examples" / "resume.docx", posting=other),
        check(root / "examples" / "resume.docx"),
        check(agent),
    ]
    for r in reports:
        data = json.loads(render_report(r, "json"))
        validate(data, schema, schema)
    assert [json.loads(render_report(r, "json"))["domain"] for r in reports] == [
        "coding", "not-healthcare", "coding", "not-healthcare"]
    first = json.loads(render_report(reports[0], "json"))
    assert any(k["alternatives"] for k in first["keywords"])
    assert {k["source"] for k in first["keywords"] if k["target"]} == {"posting", "role"}
    assert first["checks"] and all(c["kind"] in ("title", "years", "education", "credential")
                                   for c in first["checks"])


def test_reports_are_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Forms equal but for case ("Coding", "coding") once kept the order of a set, which
    changes with each process's hash seed, so two runs of batch gave different reports."""
    import os
    import subprocess
    import sys

    resume = tmp_path / "r.txt"
    resume.write_text(
        "Jane Doe\njane@example.com\n\nSKILLS\nCoding, ICD-10-CM, CPT, Medical Billing, EPIC, Epic\n\n"
        "EXPERIENCE\nMedical Coder, Acme Clinic, 2020 - Present\n- Medical coding and billing of"
        " outpatient charts; coding audits\n- medical billing follow-up, epic documentation\n",
        encoding="utf-8",
    )
    outs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "resume_tool", "check", str(resume), "--format", "html"],
            capture_output=True, env=env, check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1] == outs[2]
