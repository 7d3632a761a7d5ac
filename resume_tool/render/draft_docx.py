"""The draft as a Word document, in the shape ATS parsers read best.

One column of ordinary paragraphs: standard headings (Word's Heading 1/2 styles, so the
headings are real headings), real Word bullet lists (the "List Bullet" style), Arial
10.5 pt, nothing in tables, text boxes, images, headers or footers. The look comes from
paragraph styles only: a bottom rule under each heading is a paragraph border, which
every parser ignores.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph as DocxParagraph

    from .draft import Draft, DraftRole, Paragraph

FONT = "Arial"  # Liberation Sans on Linux has the same metrics, so --pdf keeps the layout
BODY_PT = 10.5
NAME_PT = 18
HEADING_PT = 11.5
SUBHEADING_PT = 10.5
INK = RGBColor(0x1F, 0x2A, 0x37)  # near-black for text
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)  # dark navy for headings and the rule under them
MUTED = RGBColor(0x4B, 0x55, 0x63)
MARGIN = Inches(0.7)
SEP = "  |  "
CONTACT_WIDTH = 95  # characters that fit on one centred line at 10.5 pt


def contact_lines(draft: Draft) -> list[list[str]]:
    """Contact details on one line, or two (profile links apart) when one would wrap."""
    parts = draft.contact + draft.links
    if len(SEP.join(parts)) <= CONTACT_WIDTH or not draft.contact or not draft.links:
        return [parts] if parts else []
    return [draft.contact, draft.links]


def _font(style: ParagraphStyle, size: float, bold: bool = False, color: RGBColor = INK) -> None:
    """Set a style's font, overriding the template's theme fonts and colours."""
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = color
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _bottom_rule(style: ParagraphStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "1F3A5F")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    _font(normal, BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = 1.08

    h1 = doc.styles["Heading 1"]
    _font(h1, HEADING_PT, bold=True, color=ACCENT)
    h1.font.all_caps = True
    h1.paragraph_format.space_before = Pt(10)
    h1.paragraph_format.space_after = Pt(4)
    h1.paragraph_format.keep_with_next = True
    _bottom_rule(h1)

    h2 = doc.styles["Heading 2"]
    _font(h2, SUBHEADING_PT, bold=True, color=ACCENT)
    h2.paragraph_format.space_before = Pt(8)
    h2.paragraph_format.space_after = Pt(2)
    h2.paragraph_format.keep_with_next = True

    bullet = doc.styles["List Bullet"]
    _font(bullet, BODY_PT)
    bullet.paragraph_format.space_before = Pt(0)
    bullet.paragraph_format.space_after = Pt(1)


def _para(doc: DocxDocument, text: str = "", style: str | None = None) -> DocxParagraph:
    p = doc.add_paragraph(style=style)
    if text:
        p.add_run(text)
    return p


def _paragraphs(doc: DocxDocument, paragraphs: list[Paragraph]) -> None:
    for para in paragraphs:
        _para(doc, para.text, "List Bullet" if para.bullet else None)


def _role(doc: DocxDocument, role: DraftRole, first: bool) -> None:
    for n, runs in enumerate(role.layout):
        p = doc.add_paragraph()
        p.paragraph_format.keep_with_next = True
        if n == 0 and not first:
            p.paragraph_format.space_before = Pt(7)
        for text, bold in runs:
            run = p.add_run(text)
            run.bold = bold
            if n > 0 and not bold:
                run.font.color.rgb = MUTED
    for bullet in role.bullets:
        _para(doc, bullet, "List Bullet")


def render_docx(draft: Draft) -> DocxDocument:
    """Build the Word document; ``write_draft`` saves it."""
    doc = new_document()
    _styles(doc)
    section = doc.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    props = doc.core_properties
    props.author = draft.name or ""
    props.last_modified_by = ""
    props.title = f"{draft.name} — resume" if draft.name else "Resume"
    props.comments = ""
    props.subject = ""
    props.keywords = ""

    h = draft.headings
    if draft.name:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(1)
        run = p.add_run(draft.name)
        run.bold = True
        run.font.size = Pt(NAME_PT)
        run.font.color.rgb = ACCENT
    for line in draft.headline:
        p = _para(doc, line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for n, line in enumerate(contact_lines(draft)):
        p = _para(doc, SEP.join(line))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if n == len(contact_lines(draft)) - 1:
            p.paragraph_format.space_after = Pt(4)

    if draft.summary:
        doc.add_heading(h["summary"], level=1)
        for n, para in enumerate(draft.summary):
            p = doc.add_paragraph(style="List Bullet" if para.bullet else None)
            if draft.summary_is_skeleton and n == 0:
                mark = p.add_run(draft.skeleton_mark + " ")
                mark.bold = True
                mark.font.highlight_color = WD_COLOR_INDEX.YELLOW
            p.add_run(para.text)

    if draft.certifications:
        doc.add_heading(h["certifications"], level=1)
        for line in draft.certifications:
            _para(doc, line, "List Bullet")

    if draft.skills:
        doc.add_heading(h["skills"], level=1)
        for group in draft.skills:
            p = doc.add_paragraph()
            p.add_run(f"{group.label}: ").bold = True
            p.add_run(group.text)

    if draft.experience or draft.earlier:
        doc.add_heading(h["experience"], level=1)
        for n, role in enumerate(draft.experience):
            _role(doc, role, n == 0)
        if draft.earlier:
            doc.add_heading(h["earlier"], level=2)
            for role in draft.earlier:
                _role(doc, role, True)

    if draft.education:
        doc.add_heading(h["education"], level=1)
        _paragraphs(doc, draft.education)

    for other in draft.other:
        doc.add_heading(other.heading, level=1)
        _paragraphs(doc, other.paragraphs)
    return doc
