"""DOCX reader on generated resumes: every place text can hide, in reading order."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

from resume_tool.models import Document
from resume_tool.read import normalize_text, read_document
from tests.fixtures.builders import DATE_FORMS, build_docx, date_forms_spec, sample_spec

SPEC = sample_spec(0)


def index(doc: Document, fragment: str) -> int:
    """Index of the first line containing ``fragment``; fails the test when absent."""
    for i, line in enumerate(doc.lines):
        if fragment in line.text:
            return i
    raise AssertionError(f"{fragment!r} not in:\n{doc.text}")


@pytest.fixture(scope="module")
def one_column(tmp_path_factory: pytest.TempPathFactory) -> Document:
    spec = replace(SPEC, photo=True)
    return read_document(build_docx(spec, tmp_path_factory.mktemp("d") / "one.docx", "one-column"))


def test_one_column_reads_everything_in_order(one_column: Document) -> None:
    doc = one_column
    assert doc.format == "docx"
    assert doc.lines[0].text == SPEC.name
    assert doc.lines[0].bold and doc.lines[0].font_size == 20
    order = [
        index(doc, t) for t in ("SUMMARY", "SKILLS", "CERTIFICATIONS", "EXPERIENCE", "EDUCATION")
    ]
    assert order == sorted(order)
    assert all(ln.source == "body" and ln.page is None and ln.column is None for ln in doc.lines)
    assert not doc.observed("table") and not doc.observed("text-box")


def test_heading_style_and_list_items(one_column: Document) -> None:
    heading = one_column.lines[index(one_column, "EXPERIENCE")]
    assert heading.style == "Heading 1"
    bullet = one_column.lines[index(one_column, "Assign ICD-10-CM, CPT and HCPCS")]
    assert bullet.list_item and bullet.style == "List Bullet"
    assert not one_column.lines[index(one_column, "Springfield, IL")].list_item


def test_tab_becomes_separator_before_dates(one_column: Document) -> None:
    job = SPEC.jobs[0]
    line = one_column.lines[index(one_column, job.employer)]
    assert line.text == normalize_text(f"{job.title}, {job.employer} | {job.dates}")
    assert line.bold  # the title run is bold and longer than the dates run


def test_hyperlink_target_and_text(one_column: Document) -> None:
    line = one_column.lines[index(one_column, SPEC.email)]
    assert line.hyperlinks == [SPEC.linkedin]
    assert "linkedin.com/in/maria-delgado-cpc" in line.text


def test_images_counted(one_column: Document) -> None:
    (obs,) = one_column.observed("images")
    assert obs.count == 1


def test_pages_from_app_xml(tmp_path: Path) -> None:
    src = build_docx(SPEC, tmp_path / "src.docx")
    dst = tmp_path / "three-pages.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "docProps/app.xml":
                data = data.replace(b"<Pages>1</Pages>", b"<Pages>3</Pages>")
                assert b"<Pages>3</Pages>" in data
            zout.writestr(item, data)
    assert read_document(dst).pages == 3
    assert read_document(src).pages == 1


def test_two_column_table_with_nested_table(tmp_path: Path) -> None:
    doc = read_document(build_docx(SPEC, tmp_path / "t.docx", "two-column-table"))
    (obs,) = doc.observed("table")
    assert obs.count == 2  # the layout table and the skills grid nested in it
    assert "ICD-10-CM" in obs.sample
    skills = [doc.lines[index(doc, s)] for s in ("ICD-10-CM", "HIPAA")]
    assert all(ln.source == "table" for ln in skills)
    # Cells are read whole, left cell first: the sidebar does not interleave with the jobs.
    assert (
        index(doc, "HIPAA")
        < index(doc, "CRC – AAPC")
        < index(doc, "SUMMARY")
        < index(doc, "EXPERIENCE")
    )
    nested = [ln.text for ln in doc.lines[index(doc, "SKILLS") + 1 : index(doc, "CERTIFICATIONS")]]
    assert nested == SPEC.skills
    assert doc.lines[0].source == "body"  # the name stands above the table


def test_contact_only_in_header(tmp_path: Path) -> None:
    doc = read_document(build_docx(SPEC, tmp_path / "h.docx", "header-contact"))
    assert [ln.text for ln in doc.lines[:2]] == [SPEC.name, f"{SPEC.phone} | {SPEC.email}"]
    assert [ln.source for ln in doc.lines[:2]] == ["header", "header"]
    assert doc.lines[-1].source == "footer" and SPEC.certifications[0] in doc.lines[-1].text
    assert all(ln.source == "body" for ln in doc.lines[2:-1])
    samples = sorted(o.sample for o in doc.observed("header-footer"))
    assert samples == [f"footer: {doc.lines[-1].text}", f"header: {SPEC.name}"]


def test_identical_first_page_header_is_not_repeated(tmp_path: Path) -> None:
    d = docx.Document()
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Maria Delgado | maria.delgado@example.com"
    section.first_page_header.paragraphs[0].text = "Maria Delgado | maria.delgado@example.com"
    section.even_page_header.paragraphs[0].text = "Maria Delgado – page header (even)"
    d.add_paragraph("Certified Professional Coder")
    p = tmp_path / "hdr.docx"
    d.save(str(p))
    doc = read_document(p)
    headers = [ln.text for ln in doc.lines if ln.source == "header"]
    assert headers.count("Maria Delgado | maria.delgado@example.com") == 1
    assert "Maria Delgado – page header (even)" in headers
    assert doc.lines[-1].text == "Certified Professional Coder"


def test_text_box_read_once(tmp_path: Path) -> None:
    doc = read_document(build_docx(SPEC, tmp_path / "tb.docx", "textbox-skills"))
    boxed = [ln for ln in doc.lines if ln.source == "textbox"]
    assert [ln.text for ln in boxed] == SPEC.skills  # the VML fallback copy is not read again
    (obs,) = doc.observed("text-box")
    assert obs.count == 1 and obs.sample == SPEC.skills[0]
    assert index(doc, "SKILLS") < index(doc, SPEC.skills[0]) < index(doc, "CERTIFICATIONS")


def test_hidden_and_tiny_text(tmp_path: Path) -> None:
    spec = replace(
        SPEC, hidden_keywords="CCS ICD-10-PCS DRG validation", tiny_text="HCC risk adjustment"
    )
    doc = read_document(build_docx(spec, tmp_path / "hidden.docx"))
    (hidden,) = doc.observed("hidden-text")
    assert hidden.count == 2  # the white run and the vanished run
    assert "CCS ICD-10-PCS DRG validation" in hidden.sample and "inpatient DRG CDI" in hidden.sample
    (tiny,) = doc.observed("tiny-font")
    assert tiny.sample == "HCC risk adjustment"
    # An ATS reads hidden text, so the lines keep it; the observation is what flags it.
    assert "CCS ICD-10-PCS DRG validation" in doc.text
    clean = read_document(build_docx(SPEC, tmp_path / "clean.docx"))
    assert not clean.observed("hidden-text") and not clean.observed("tiny-font")


def test_white_text_on_dark_shading_is_not_hidden(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph()
    run = p.add_run("PROFESSIONAL SUMMARY")
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    p._p.get_or_add_pPr().append(
        parse_xml(
            '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:val="clear" w:color="auto" w:fill="1F3864"/>'
        )
    )
    q = d.add_paragraph()
    near_white = q.add_run("ICD-10-CM CPT HCPCS")
    near_white.font.color.rgb = RGBColor(0xFA, 0xFA, 0xFA)
    near_white.font.size = Pt(11)
    r = d.add_paragraph().add_run("risk adjustment")
    r.font.color.rgb = RGBColor(0xFF, 0xFF, 0x00)
    r.font.highlight_color = WD_COLOR_INDEX.YELLOW  # yellow on yellow
    path = tmp_path / "banner.docx"
    d.save(str(path))
    (obs,) = read_document(path).observed("hidden-text")
    assert obs.count == 2
    assert obs.sample == "ICD-10-CM CPT HCPCS risk adjustment"


def test_every_date_form_survives(tmp_path: Path) -> None:
    doc = read_document(build_docx(date_forms_spec(), tmp_path / "dates.docx"))
    for form in DATE_FORMS:
        want = normalize_text(form)
        assert any(ln.text.endswith(f"| {want}") for ln in doc.lines), want
    assert "Jan '19 – Dec '20" in doc.text  # curly apostrophes straightened, en dash kept


def test_soft_breaks_split_lines_and_manual_bullets(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("EXPERIENCE")
    p.add_run().add_break()
    p.add_run("Coding Specialist, Acme Clinic\t2019 – 2021")
    p.add_run().add_break()
    p.add_run("•\tAbstracted ICD-10-CM codes")
    d.add_paragraph("\uf0b7 Resolved denials")
    path = tmp_path / "breaks.docx"
    d.save(str(path))
    doc = read_document(path)
    assert [ln.text for ln in doc.lines] == [
        "EXPERIENCE",
        "Coding Specialist, Acme Clinic | 2019 – 2021",
        "Abstracted ICD-10-CM codes",
        "Resolved denials",
    ]
    assert [ln.list_item for ln in doc.lines] == [False, False, True, True]


def test_field_code_hyperlink_and_deleted_text(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    p = d.add_paragraph("Portfolio: ")
    for xml in (
        f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {w}><w:instrText xml:space="preserve"> HYPERLINK "https://coder.example.com/cpc" </w:instrText></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {w}><w:t>coder.example.com</w:t></w:r>",
        f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
        f'<w:del {w} w:id="1" w:author="x"><w:r><w:delText>OLD TEXT</w:delText></w:r></w:del>',
    ):
        p._p.append(parse_xml(xml))
    path = tmp_path / "field.docx"
    d.save(str(path))
    (line,) = read_document(path).lines
    assert line.text == "Portfolio: coder.example.com"
    assert line.hyperlinks == ["https://coder.example.com/cpc"]


def _boxed_white_text(tmp_path: Path, fill: str, name: str, *, vml_only: bool = False) -> Path:
    """A DOCX whose only text box holds white text, the box filled as ``fill`` says."""
    from docx.oxml import parse_xml

    from tests.fixtures.builders import _TEXTBOX_XML

    paras = '<w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>PROFESSIONAL SUMMARY</w:t></w:r></w:p>'
    xml = _TEXTBOX_XML.replace("{paras}", paras)
    if vml_only:  # old Word: a VML shape alone, no DrawingML choice
        start, end = xml.index("<w:pict>"), xml.index("</w:pict>") + len("</w:pict>")
        xml = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
               'xmlns:v="urn:schemas-microsoft-com:vml">' + xml[start:end] + "</w:r>")
        xml = xml.replace('style="width:144pt;height:144pt"', f'style="width:144pt" {fill}')
    else:
        xml = xml.replace("</a:prstGeom></wps:spPr>", f"</a:prstGeom>{fill}</wps:spPr>")
    d = docx.Document()
    d.add_paragraph("Jane Doe, CPC")
    el = parse_xml(xml)
    run = d.add_paragraph().add_run()
    if vml_only:
        run._r.append(el.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pict"))
    else:
        run._r.append(el)
    path = tmp_path / name
    d.save(str(path))
    return path


@pytest.mark.parametrize(
    ("fill", "vml_only", "hidden"),
    [
        ('<a:solidFill><a:srgbClr val="2D73B4"/></a:solidFill>', False, False),  # white on blue
        ('<a:solidFill><a:schemeClr val="accent1"/></a:solidFill>', False, False),  # unknown: say less
        ('<a:gradFill><a:gsLst/></a:gradFill>', False, False),
        ('<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>', False, True),  # white on white
        ("<a:noFill/>", False, True),  # see-through box on a white page
        ("", False, True),
        ('fillcolor="#2D73B4"', True, False),
        ('filled="f"', True, True),
        ("", True, True),  # VML's default fill is white
    ],
)
def test_white_text_in_a_text_box_is_hidden_only_on_a_light_fill(
    tmp_path: Path, fill: str, vml_only: bool, hidden: bool
) -> None:
    doc = read_document(_boxed_white_text(tmp_path, fill, "box.docx", vml_only=vml_only))
    assert "PROFESSIONAL SUMMARY" in doc.text
    assert bool(doc.observed("hidden-text")) is hidden


@pytest.mark.corpus
def test_real_white_headings_on_blue_text_boxes_are_not_hidden() -> None:
    """soupboss-mickey draws each heading as white text in a blue (2D73B4) text box."""
    path = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "files" / "soupboss-mickey-textboxes-header.docx"
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    doc = read_document(path)
    assert "PROFESSIONAL" in doc.text
    assert not doc.observed("hidden-text")
