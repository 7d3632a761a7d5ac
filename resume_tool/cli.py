"""The ``resume-tool`` command: a thin click layer over the library.

Exit codes: 0 ok; 1 a check fell short (``--fail-under``) or some files of a batch
failed; 2 bad input or usage. Errors are one line on stderr; ``--debug`` shows the
traceback.
"""

from __future__ import annotations

import contextlib
import json
import sys
import traceback
from pathlib import Path

import click

from . import __version__
from .errors import (
    EXIT_BAD_INPUT,
    EXIT_FELL_SHORT,
    EXIT_OK,
    ResumeToolError,
    printable,
)
from .limits import file_time_limit

FORMATS = ("text", "html", "md", "json")
lists_option = click.option(
    "--lists",
    "lists",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of your own keyword lists, added to (and overriding) the bundled ones. Repeatable.",
)
role_option = click.option(
    "--role",
    metavar="ROLE",
    help="Role profile to check against (see `resume-tool lists`); inferred when omitted.",
)


class _State:
    debug = False


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="resume-tool")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
def cli(debug: bool) -> None:
    """Why an ATS would pass over a medical coder's resume, and what to fix.

    Everything runs locally: no file leaves your machine and nothing is written
    except what you ask for.

    \b
    Example:
        resume-tool check examples/resume.docx --posting examples/posting.txt
    """
    _State.debug = debug


def _bounded(path: Path | str) -> contextlib.AbstractContextManager[None]:
    """No single file may hold the command for longer than the per-file budget."""
    return file_time_limit(str(path))


def _lists(lists: tuple[Path, ...]) -> list[Path] | None:
    return list(lists) or None


def _emit(content: str, output: Path | None) -> None:
    if output is None:
        click.echo(content, nl=not content.endswith("\n"))
    else:
        output.write_text(content, encoding="utf-8")
        click.echo(f"wrote {printable(str(output))}", err=True)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the structured resume; text: what an ATS would see.")
def parse(file: Path, fmt: str) -> int:
    """Read a resume (DOCX, PDF or text) and print its structure.

    \b
    Example:
        resume-tool parse examples/resume.docx
        resume-tool parse examples/resume.pdf --format text
    """
    from .api import parse as parse_resume

    with _bounded(file):
        resume = parse_resume(file)
    if fmt == "json":
        click.echo(json.dumps(resume.to_dict(), indent=2, ensure_ascii=False))
        return EXIT_OK
    doc = resume.document
    seen = [ln.text for ln in doc.lines if ln.source not in ("header", "footer", "textbox")]
    unseen = [ln for ln in doc.lines if ln.source in ("header", "footer", "textbox")]
    if doc.observed("no-text"):
        click.echo(f"{printable(str(file))}: no readable text (scanned or image-only); an ATS sees a blank page.", err=True)
    click.echo("\n".join(seen))
    if unseen:
        where = sorted({ln.source for ln in unseen})
        click.echo(f"\n[{len(unseen)} more line(s) in {', '.join(where)}: many ATS do not read these]")
    return EXIT_OK


@cli.command()
@click.argument("resume", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--posting", "postings", metavar="FILE|-", multiple=True,
              help="Job posting (text, DOCX or PDF file, or - for stdin). Repeat it to rank several.")
@click.option("--postings", "postings_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of postings (.txt, .md, .docx, .pdf) to rank the resume against.")
@role_option
@lists_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format [default: from -o's extension, else text].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of the terminal.")
@click.option("--fail-under", type=click.IntRange(0, 100), metavar="N",
              help="Exit with code 1 when the score is below N (several postings: the best score).")
def check(resume: Path, postings: tuple[str, ...], postings_dir: Path | None, role: str | None,
          lists: tuple[Path, ...], fmt: str | None, output: Path | None,
          fail_under: int | None) -> int:
    """Score a resume against a posting (or a role) and list what to fix.

    With more than one posting, rank the postings by fit and show the keywords that would
    raise the most scores (add them only if true).

    \b
    Example:
        resume-tool check resume.pdf --posting posting.txt
        resume-tool check resume.docx --role inpatient-coder -o report.html
        pbpaste | resume-tool check resume.docx --posting - --format json
        resume-tool check resume.pdf --posting a.txt --posting b.pdf
        resume-tool check resume.pdf --postings saved_postings/ -o ranking.html
    """
    from .render import format_for_path, render_report

    fmt = fmt or (format_for_path(output) if output else "text")
    given: list[str] = list(postings)
    if postings_dir is not None:
        from .keywords.learn import posting_files

        given += [str(p) for p in posting_files(postings_dir)]
    if len(given) > 1:
        return _check_many(resume, given, role, lists, fmt, output, fail_under)
    posting = given[0] if given else None
    from .api import check as run_check

    with _bounded(resume):
        report = run_check(resume, posting=posting, role=role, lists=_lists(lists))
    color = output is None and fmt == "text" and sys.stdout.isatty()
    _emit(render_report(report, fmt, color=color), output)
    if fail_under is not None and report.score < fail_under:
        click.echo(f"score {report.score} is below --fail-under {fail_under}", err=True)
        return EXIT_FELL_SHORT
    return EXIT_OK


def _check_many(resume: Path, postings: list[str], role: str | None, lists: tuple[Path, ...],
                fmt: str, output: Path | None, fail_under: int | None) -> int:
    """``check`` with several postings: the ranking instead of one report."""
    from .api import check_many
    from .render.multi import render_multi

    if postings.count("-") > 0:
        raise click.UsageError("standard input (-) can be one posting only; give files to rank several")
    multi = check_many(resume, postings, role=role, lists=_lists(lists), bound=_bounded)
    _emit(render_multi(multi, fmt), output)
    best = max((f.report.score for f in multi.fits if f.scored), default=None)
    if fail_under is not None and best is not None and best < fail_under:
        click.echo(f"best score {best} is below --fail-under {fail_under}", err=True)
        return EXIT_FELL_SHORT
    return EXIT_OK


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--posting", "as_posting", is_flag=True,
              help="Read FILE as a job posting: required vs preferred, and unknown terms.")
@role_option
@lists_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--spacy-model", metavar="NAME",
              help="A trained spaCy pipeline you have installed (e.g. en_core_web_sm): also suggest "
                   "multi-word skill phrases no keyword list knows. Never downloaded.")
def keywords(file: str, as_posting: bool, role: str | None, lists: tuple[Path, ...], fmt: str,
             spacy_model: str | None) -> int:
    """List the keywords found in a resume or a posting, by category, with counts.

    \b
    Example:
        resume-tool keywords examples/resume.docx
        resume-tool keywords examples/posting.txt --posting --format json
    """
    from .keywords_report import keyword_table

    with _bounded(file):
        table = keyword_table(file, as_posting=as_posting, role=role, lists=_lists(lists),
                              spacy_model=spacy_model)
    if fmt == "json":
        click.echo(json.dumps(table, indent=2, ensure_ascii=False))
        return EXIT_OK
    click.echo(f"{printable(str(table['file']))}: {table['total']} keyword mention(s), {len(table['keywords'])} distinct")
    if table.get("title"):
        click.echo(f"title: {table['title']}")
    for category, rows in table["by_category"].items():
        click.echo(f"\n{category}")
        for row in rows:
            extra = ""
            if "required" in row:
                extra = "  required" if row["required"] else "  preferred" if row.get("preferred") else "  mentioned"
            if row.get("core"):
                extra += "  core"
            click.echo(f"  {row['term']:<40} {row['count']:>3}{extra}")
    if table.get("role_missing"):
        click.echo(f"\nnot found, of the {table['role']} role's terms: {', '.join(table['role_missing'])}")
    if table.get("unknown_terms"):
        click.echo(f"\nother terms in this posting: {', '.join(table['unknown_terms'])}")
    if table.get("suggested_phrases"):
        click.echo(f"\nsuggested phrases ({spacy_model}): {', '.join(table['suggested_phrases'])}")
    return EXIT_OK


@cli.group(invoke_without_command=True)
@lists_option
@click.pass_context
def lists(ctx: click.Context, lists: tuple[Path, ...]) -> int:
    """Show the role profiles and keyword counts (add your own with --lists DIR).

    \b
    Example:
        resume-tool lists
        resume-tool lists check my_lists/
    """
    if ctx.invoked_subcommand is not None:
        return EXIT_OK
    from .keywords import list_summary, load_vocabulary

    vocab = load_vocabulary(list(lists))
    summary = list_summary(vocab)
    click.echo(f"{len(vocab.entries)} keywords from {', '.join(vocab.sources)}\n")
    click.echo(f"{'role':<28} {'terms':>5} {'core':>5}  name")
    for row in summary["roles"]:
        click.echo(f"{row['id']:<28} {row['terms']:>5} {row['core']:>5}  {row['name']}")
    click.echo("\nkeywords by category:")
    for row in summary["categories"]:
        legacy = f"  ({row['legacy']} legacy)" if row["legacy"] else ""
        click.echo(f"  {row['category']:<22} {row['entries']:>4}{legacy}")
    return EXIT_OK


@lists.command("check")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def lists_check(directory: Path) -> int:
    """Validate a folder of keyword lists against the schema (keyword_lists/README.md).

    \b
    Example:
        resume-tool lists check my_lists/
    """
    from .keywords import validate_dir

    problems = validate_dir(directory)
    for p in problems:
        click.echo(p, err=True)
    if problems:
        click.echo(f"{printable(str(directory))}: {len(problems)} problem(s)", err=True)
        return EXIT_BAD_INPUT
    click.echo(f"{printable(str(directory))}: ok")
    return EXIT_OK


@lists.command("learn")
@click.argument("postings_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the candidate entries (TOML) here [default: print them].")
@click.pass_context
def lists_learn(ctx: click.Context, postings_dir: Path, output: Path | None) -> int:
    """Propose list entries for the terms in a folder of postings that no list knows.

    Each candidate comes with how many postings use it, the acronym definition found in them
    and an example sentence. Every entry is written commented out: nothing is added until a
    person uncomments it; then check the folder with `resume-tool lists check`.

    \b
    Example:
        resume-tool lists learn saved_postings/ -o my_lists/candidates.toml
        resume-tool lists check my_lists/
    """
    from .api import engine
    from .keywords.learn import candidates_toml, learn_from_folder

    extra = ctx.parent.params.get("lists") if ctx.parent else None
    _, matcher = engine(_lists(tuple(extra or ())))
    found, read = learn_from_folder(postings_dir, matcher, bound=_bounded)
    text = candidates_toml(found, str(postings_dir), read)
    if output is None:
        click.echo(text, nl=False)
        return EXIT_OK
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        from .errors import InputError

        raise InputError(str(output), f"cannot write the file ({err.strerror})",
                         "Check that its folder exists and can be written") from None
    click.echo(f"{read} posting(s) read, {len(found)} candidate term(s) no list knows:", err=True)
    for c in found:
        defined = f" = {c.long_form}" if c.long_form else ""
        click.echo(f"  {c.term}{defined}  (in {c.count} posting(s))", err=True)
    click.echo(f"wrote {output} (every entry commented out: review, uncomment, then "
               f"`resume-tool lists check` the folder)", err=True)
    return EXIT_OK


@cli.command()
@click.argument("resume", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="draft.docx, draft.md or draft.html")
@click.option("--posting", metavar="FILE|-", help="Job posting whose wording the skills should use.")
@role_option
@lists_option
@click.option("--years", type=click.IntRange(0, 60), default=10, show_default=True,
              help="Roles that ended longer ago than this are condensed (0: keep every bullet).")
@click.option("--pdf", is_flag=True, help="Also write a PDF (needs LibreOffice installed).")
def draft(resume: Path, output: Path, posting: str | None, role: str | None,
          lists: tuple[Path, ...], years: int, pdf: bool) -> int:
    """Rebuild the resume as an ATS-friendly, reverse-chronological draft.

    Nothing is invented: keywords you lack go to a "To consider, only if true" list.

    \b
    Example:
        resume-tool draft examples/resume.docx --posting examples/posting.txt -o draft.docx
    """
    from .api import check as run_check
    from .api import engine
    from .render.draft import build_draft, write_draft

    with _bounded(resume):
        report = run_check(resume, posting=posting, role=role, lists=_lists(lists))
        _, matcher = engine(_lists(lists))
        built = build_draft(report, matcher, years=years)
        written = write_draft(built, output, pdf=pdf)
    for path in written:
        click.echo(f"wrote {printable(str(path))}", err=True)
    if built.left_out:
        from .render.draft import left_out_path

        click.echo(f"{len(built.left_out)} line(s) of the resume are not in the draft; "
                   f"see {printable(str(left_out_path(output)))} for each and why", err=True)
    return EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--posting", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@role_option
@lists_option
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Processes [default: CPUs].")
@click.option("--formats", default="html,json", show_default=True,
              help="Per-resume report formats, comma-separated: html, json, md, text.")
@click.option("--drafts", is_flag=True, help="Also write drafts/<name>.docx for every resume.")
@click.option("--force", is_flag=True,
              help="Redo files whose results are up to date, and retry files that failed or timed out.")
@click.option("--excel", is_flag=True,
              help="Write summary.csv with a UTF-8 BOM so Excel opens it correctly (default: no BOM).")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option("--feedback", is_flag=True,
              help="Also write feedback/<name>.md and .html: a one-page summary per student to e-mail.")
@click.option("--postings", "postings_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of postings: score every student against each (matrix.csv, best posting).")
@click.option("--compare", "compare", type=click.Path(path_type=Path), default=None,
              metavar="PREVIOUS_OUTDIR",
              help="An earlier batch's output folder: show each student's score change and "
                   "fixed and new findings.")
def batch(paths: tuple[Path, ...], outdir: Path, posting: Path | None, role: str | None,
          lists: tuple[Path, ...], workers: int | None, formats: str, drafts: bool,
          force: bool, excel: bool, quiet: bool, feedback: bool, postings_dir: Path | None,
          compare: Path | None = None) -> int:
    """Check a whole class of resumes (files, folders, ZIPs) into one folder.

    \b
    Example:
        resume-tool batch resumes/ class.zip --posting posting.txt -o out/
        resume-tool batch resumes/ --postings saved_postings/ --feedback -o out/
        resume-tool batch resumes/ --posting posting.txt -o after/ --compare out/
    """
    from .batch import run_batch

    result = run_batch(
        list(paths), outdir, posting=posting, role=role, lists=_lists(lists), workers=workers,
        formats=[f.strip() for f in formats.split(",") if f.strip()], drafts=drafts,
        force=force, excel=excel, quiet=quiet, feedback=feedback, postings=postings_dir,
        compare=compare,
    )
    return EXIT_FELL_SHORT if result.failed else EXIT_OK


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost needs a token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port (0: any free port).")
@click.option("--open/--no-open", "open_browser", default=None,
              help="Open the page in a browser [default: when a desktop is present].")
@click.option("--token", metavar="TOKEN",
              help="Access token every request must carry (made up when --host is not loopback).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Worker processes doing the checks.")
@lists_option
def serve(host: str, port: int, open_browser: bool | None, token: str | None, workers: int,
          lists: tuple[Path, ...]) -> int:
    """Start the local web app: check a resume, or a whole class, in the browser.

    Nothing leaves this computer; uploads and results are deleted when it stops.

    \b
    Example:
        resume-tool serve
        resume-tool serve --host 0.0.0.0 --port 8080 --no-open
    """
    from .serve import run

    run(host, port, open_browser=open_browser, token=token, workers=workers,
        lists=_lists(lists))
    return EXIT_OK


def main(argv: list[str] | None = None) -> None:
    """Run the CLI with one-line errors and documented exit codes."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        code = cli.main(args=args, prog_name="resume-tool", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.message = printable(exc.message)  # a file name from the command line, escaped
        exc.show()
        code = EXIT_BAD_INPUT
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        code = 130
    except ResumeToolError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"error: {exc}", err=True)
        code = exc.exit_code
    except Exception as exc:  # a bug, reported in one line unless --debug
        if debug:
            traceback.print_exc()
        click.echo(
            f"error: unexpected {type(exc).__name__}: {exc}. "
            "Rerun with --debug and report the traceback.",
            err=True,
        )
        code = EXIT_BAD_INPUT
    sys.exit(code if isinstance(code, int) else EXIT_OK)
