"""Errors the user can act on, each with the exit code the CLI returns.

Exit codes (documented in the README):
    0  ok
    1  a check fell short (--fail-under) or, in a batch, some files failed
    2  bad input or usage: the file cannot be read, or an option is wrong
"""

from __future__ import annotations

# What to do about an error that is a bug of ours, in words for any reader (terminal, web, dashboard)
REPORT_FAULT = "This is a fault in resume-tool: please report it, with the file if you can share it"

EXIT_OK = 0
EXIT_FELL_SHORT = 1
EXIT_BAD_INPUT = 2


class ResumeToolError(Exception):
    """Base class: ``str(err)`` is a one-line message naming the file, the problem and the fix."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, path: str | None, problem: str, fix: str) -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{printable(self.path)}: " if self.path else ""
        return f"{where}{self.problem}. {self.fix}"


def printable(name: str) -> str:
    """A file name fit for one line: newlines, tabs and other control characters escaped."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in name
    )


class InputError(ResumeToolError):
    """The file cannot be read as a resume or posting (corrupt, encrypted, too big ...)."""


class UnsupportedType(InputError):
    """A file type we do not read (legacy .doc, RTF, images ...)."""


class LimitExceeded(InputError):
    """A size, page, uncompressed-size or time limit was hit."""


class ListError(ResumeToolError):
    """A keyword list file does not follow the schema."""
