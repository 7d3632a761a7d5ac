"""Batch inputs: which files of the given paths are resumes, and how to read them safely.

A career office hands over a folder or a ZIP of student files as exported from a mail or
LMS system, with whatever came along (photos, ``.DS_Store``, Word lock files ``~$x.docx``,
``__MACOSX/``). Every path is turned into ``Item``s (one per candidate resume), ``Failed``
records for submissions that cannot be read (a picture of a resume, an unknown file type, a
damaged archive: each a row that says what to ask for) and ``Skipped`` records for what no
student sent (system junk; with a reason), in a deterministic order, so the same inputs
always give the same rows and the same output names.

ZIP archives come from strangers, so they are read without trusting them: members are
never written to disk (they are read into memory with a running byte count, because the
declared sizes can lie), names with ``..``, absolute paths, drive letters or control
characters, symbolic links, paths nested more than ``ZIP_MAX_DEPTH`` folders deep and
archives inside the archive are refused (not opened), and both the number of entries and
the total uncompressed size are capped. Refused entries are ``Skipped`` with ``unsafe``
set, so the totals count them apart from the junk that is not a resume.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import InputError, LimitExceeded
from ..limits import Limits

# Extensions handed to the reader (it decides from the bytes and explains what it cannot
# read, e.g. a legacy .doc): a student's .doc must show up as a row with a fix, not vanish.
RESUME_EXTENSIONS = frozenset({".pdf", ".docx", ".doc", ".txt", ".text", ".md", ".rtf", ".odt"})
ARCHIVE_EXTENSIONS = frozenset(
    {".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".jar"}
)
IMAGE_EXTENSIONS = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".webp", ".svg"}
)
SYSTEM_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "icon\r", ".localized"})

# Caps for one ZIP archive. A class of 300 resumes is ~300 entries and well under 500 MB.
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_TOTAL = 1024 * 1024 * 1024  # real uncompressed bytes read from one archive
ZIP_MAX_DEPTH = 16  # folders above an entry; an export is "class/student/resume.pdf"

_CHUNK = 64 * 1024
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {f"lpt{i}" for i in range(1, 10)}
)
NAME_MAX = 80  # characters of an output name before the extension


@dataclass(frozen=True)
class Item:
    """One candidate resume: a file on disk or a member of a ZIP archive."""

    rel: str  # display path, "/"-separated: "class2025/alice/resume.pdf", "class.zip/bob.docx"
    path: Path  # the file, or the archive holding the member
    member: str | None = None  # the ZIP member name, when inside an archive

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.rel).suffix.lower()


@dataclass(frozen=True)
class Skipped:
    """A file that is not a resume (or not safe to open), with the reason shown to the user."""

    rel: str
    reason: str
    unsafe: bool = False  # a ZIP entry refused for safety (escaping path, link, nesting)


@dataclass
class Failed:
    """An input that could not even be listed (a damaged or oversized archive)."""

    rel: str
    error: str


@dataclass
class Inputs:
    items: list[Item]
    skipped: list[Skipped]
    failed: list[Failed]


# ------------------------------------------------------------------ skip rules
def skip_reason(rel: str) -> str | None:
    """Why a file found inside a folder or an archive is not treated as a submission, or None.

    Only what no student sent is skipped: system and editor junk, and archives inside
    archives (not opened). A picture or an unknown file type is something a student sent,
    so it is a row of its own (``not_readable``), not a skip."""
    parts = [p for p in re.split(r"[\\/]", rel) if p]
    if any(p == "__MACOSX" for p in parts):
        return "macOS resource data (__MACOSX), not a resume"
    base = parts[-1] if parts else rel
    low = base.lower()
    if low in SYSTEM_NAMES:
        return "system file, not a resume"
    if base.startswith("~$"):
        return "Word temporary file (~$), not a resume"
    if base.startswith("._"):
        return "macOS resource data (._), not a resume"
    if base.startswith("."):
        return "hidden file, not a resume"
    suffix = PurePosixPath(low).suffix
    if suffix in ARCHIVE_EXTENSIONS:
        return nested_reason(suffix)
    return None


def nested_reason(suffix: str) -> str:
    return f"archive ({suffix}) inside an archive is not opened; unpack it and add its files"


def not_readable(rel: str) -> str | None:
    """The one-line error of a submission the reader cannot take (a picture of a resume, an
    unknown file type), or None. It becomes a row that says what to ask the student for."""
    suffix = PurePosixPath(rel.lower()).suffix
    if suffix in IMAGE_EXTENSIONS:
        return InputError(rel, f"a picture ({suffix}) of a resume: an ATS cannot read text from an "
                          "image", "Ask the student for the DOCX, or a PDF exported from Word or "
                          "Google Docs").one_line()
    if suffix not in RESUME_EXTENSIONS:
        kind = f"{suffix} files are" if suffix else "a file with no extension is"
        return InputError(rel, f"not a resume file type ({kind} not read)",
                          "Ask the student for the DOCX or a PDF").one_line()
    return None


def unsafe_member(name: str) -> str | None:
    """Why a ZIP member name could escape a folder it were unpacked to, or None."""
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "unsafe path in the archive (absolute path); not opened"
    if any(part == ".." for part in norm.split("/")):
        return "unsafe path in the archive (../); not opened"
    if "\x00" in norm or any(ord(c) < 32 for c in norm):
        return "unsafe path in the archive (control characters); not opened"
    if norm.strip("/").count("/") > ZIP_MAX_DEPTH:
        return f"unsafe path in the archive (more than {ZIP_MAX_DEPTH} folders deep); not opened"
    return None


# ------------------------------------------------------------------ discovery
def discover(paths: Iterable[Path], outdir: Path | None = None) -> Inputs:
    """Every candidate resume under ``paths`` (files, folders recursively, ZIPs), sorted by rel.

    Files given by name are always tried (the reader explains what it cannot read), except
    archives, which are opened. Files found in folders go through ``skip_reason`` (junk is
    skipped) and ``not_readable`` (a picture becomes a failed row that says what to do). Anything
    under ``outdir`` is ignored so a batch never reads its own drafts.
    """
    out_root = outdir.resolve() if outdir is not None else None
    items: list[Item] = []
    skipped: list[Skipped] = []
    failed: list[Failed] = []
    seen: set[Path] = set()
    roots: list[tuple[str, Path, bool]] = []  # (rel, path, given explicitly)
    bases: set[str] = set()

    for given in sorted(paths, key=lambda g: str(Path(g).resolve())):
        p = Path(given)
        if p.is_dir():
            top = p.resolve()
            # Two input folders called "resumes" become "resumes" and "resumes (2)".
            base = _unique(unicodedata.normalize("NFC", top.name or "root"), bases)
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                dpath = Path(dirpath)
                if out_root is not None and _inside(dpath.resolve(), out_root):
                    dirnames[:] = []
                    continue
                dirnames.sort()
                inner = dpath.relative_to(p)
                for dname in list(dirnames):
                    if (dpath / dname).is_symlink():  # os.walk does not follow it: say so
                        rel = PurePosixPath(base, *inner.parts, dname).as_posix()
                        skipped.append(Skipped(unicodedata.normalize("NFC", rel),
                                               "symbolic link to a folder; not followed"))
                for fname in sorted(filenames):
                    rel = PurePosixPath(base, *inner.parts, fname).as_posix()
                    link = _link_reason(dpath / fname, top)
                    if link is not None:
                        skipped.append(Skipped(unicodedata.normalize("NFC", rel), link))
                        continue
                    roots.append((rel, dpath / fname, False))
        else:
            roots.append((p.name, p, True))

    # NFC first (macOS writes NFD), then one rel per file: a clash gets " (2)" before the
    # extension, so the rel still says what type of file it is.
    taken: set[str] = {s.rel.casefold() for s in skipped}
    for rel, path, explicit in sorted(roots, key=lambda r: (unicodedata.normalize("NFC", r[0]), str(r[1]))):
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            real = path.absolute()
        if real in seen or (out_root is not None and _inside(real, out_root)):
            continue
        seen.add(real)
        rel = _unique(unicodedata.normalize("NFC", rel), taken)
        suffix = path.suffix.lower()
        if suffix == ".zip":
            _discover_zip(rel, path, items, skipped, failed)
            continue
        reason = None if explicit else skip_reason(rel)
        unreadable = None if explicit or reason else not_readable(rel)
        if unreadable is not None and path.is_file():
            failed.append(Failed(rel, unreadable))
            continue
        if reason is None and not path.is_file():
            reason = "no such file" if not path.exists() else "not a regular file"
        if reason:
            skipped.append(Skipped(rel, reason))
        else:
            items.append(Item(rel, path))
    items.sort(key=lambda i: i.rel)
    skipped.sort(key=lambda s: s.rel)
    failed.sort(key=lambda f: f.rel)
    return Inputs(items, skipped, failed)


def _unique(rel: str, taken: set[str]) -> str:
    """``rel``, or ``rel`` with " (2)", " (3)" ... before its extension; judged case-blind."""
    path = PurePosixPath(rel)
    out, n = rel, 1
    while out.casefold() in taken:
        n += 1
        if len(path.parts) > 1 and not path.suffix:
            out = f"{rel} ({n})"
        else:
            out = str(path.with_name(f"{path.stem} ({n}){path.suffix}"))
    taken.add(out.casefold())
    return out


def _link_reason(path: Path, top: Path) -> str | None:
    """Why a file found in an input folder is not read because it is a symbolic link."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # broken, or a loop
        return "broken or looping symbolic link; skipped"
    if not _inside(target, top):
        return "symbolic link to a file outside the input folder; not followed"
    return "symbolic link to another file in the input folder; that file is read instead"


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _discover_zip(
    rel: str, path: Path, items: list[Item], skipped: list[Skipped], failed: list[Failed]
) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        failed.append(
            Failed(rel, InputError(rel, f"not a valid ZIP archive ({err})",
                                   "Create the ZIP again, or give the folder instead").one_line())
        )
        return
    if len(infos) > ZIP_MAX_ENTRIES:
        failed.append(
            Failed(rel, LimitExceeded(
                rel, f"the archive holds {len(infos)} entries, more than the {ZIP_MAX_ENTRIES} allowed",
                "Split it into smaller ZIPs or give the folder instead").one_line())
        )
        return
    declared = sum(i.file_size for i in infos)
    if declared > ZIP_MAX_TOTAL:
        failed.append(
            Failed(rel, LimitExceeded(
                rel, f"the archive unpacks to {_size(declared)}, more than the "
                f"{_size(ZIP_MAX_TOTAL)} allowed",
                "Split it into smaller ZIPs or give the folder instead").one_line())
        )
        return
    names: set[str] = set()
    for info in infos:
        if info.is_dir():
            continue
        member = info.filename
        mrel = unicodedata.normalize("NFC", f"{rel}/{member.replace(chr(92), '/')}")
        reason = unsafe_member(member)
        if reason is None and stat.S_ISLNK(info.external_attr >> 16):
            reason = "symbolic link in the archive; not opened"
        unsafe = reason is not None
        if reason is None:
            reason = skip_reason(member)
            # an archive in the archive is not opened: nesting is how ZIP bombs multiply
            unsafe = reason == nested_reason(PurePosixPath(member.lower()).suffix)
        if reason is None and mrel in names:
            reason = "duplicate entry in the archive; only the first is read"
        if reason:
            skipped.append(Skipped(mrel, reason, unsafe))
            continue
        names.add(mrel)
        unreadable = not_readable(mrel)
        if unreadable is not None:
            failed.append(Failed(mrel, unreadable))
            continue
        items.append(Item(mrel, path, member))


# ---------------------------------------------------------------- reading bytes
class ZipBudget:
    """Open archives and the real uncompressed bytes read from each (declared sizes can lie)."""

    def __init__(self) -> None:
        self._open: dict[Path, zipfile.ZipFile] = {}
        self._used: dict[Path, int] = {}

    def read(self, item: Item, limit: int) -> bytes:
        assert item.member is not None
        zf = self._open.get(item.path)
        if zf is None:
            zf = self._open[item.path] = zipfile.ZipFile(item.path)
        used = self._used.get(item.path, 0)
        room = ZIP_MAX_TOTAL - used
        out = bytearray()
        try:
            with zf.open(item.member) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        raise LimitExceeded(
                            item.rel, f"the file unpacks to more than {_size(limit)}",
                            "Save a smaller copy (fewer pictures) as DOCX or PDF")
                    if len(out) > room:
                        raise LimitExceeded(
                            item.rel, f"the archive unpacks to more than {_size(ZIP_MAX_TOTAL)} in all",
                            "Split it into smaller ZIPs or give the folder instead")
        except RuntimeError as err:  # zipfile: "File ... is encrypted, password required"
            raise InputError(item.rel, "the file is password-protected inside the ZIP",
                             "Create the ZIP again without a password") from err
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
            raise InputError(item.rel, f"cannot be read from the ZIP ({err})",
                             "Create the ZIP again, or give the folder instead") from err
        finally:
            self._used[item.path] = used + len(out)
        return bytes(out)

    def close(self) -> None:
        for zf in self._open.values():
            zf.close()
        self._open.clear()


def read_item(item: Item, limits: Limits, zips: ZipBudget) -> bytes:
    """The bytes of one item, bounded by ``limits.max_bytes`` (a bigger file raises)."""
    if item.member is not None:
        return zips.read(item, limits.max_bytes)
    try:
        size = item.path.stat().st_size
        if size > limits.max_bytes:
            raise LimitExceeded(
                item.rel,
                f"the file is {_size(size)}, more than the {_size(limits.max_bytes)} a resume may be",
                "Remove large pictures or embedded fonts and save it again as DOCX or PDF")
        with item.path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as err:
        raise InputError(item.rel, f"cannot read the file ({err.strerror})",
                         "Check the file's permissions") from err
    if len(data) > limits.max_bytes:
        raise LimitExceeded(item.rel, "the file grew past the size limit while being read",
                            "Save a smaller copy as DOCX or PDF")
    return data


# ------------------------------------------------------------------ output names
def slug(rel: str) -> str:
    """A file-name-safe stem for ``rel``: ASCII letters, digits, ``.``, ``_``, ``-`` only.

    Folders are joined with ``_`` and the extension dropped (``a/b/resume.pdf`` →
    ``a_b_resume``); no separators, no leading dots, no Windows device names, bounded length.
    """
    path = PurePosixPath(rel.replace("\\", "/").replace("#", "/"))
    parts = [p for p in path.parts if p not in ("/", ".", "..")]
    if parts:
        parts[-1] = PurePosixPath(parts[-1]).stem or parts[-1]
    text = "_".join(parts)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"_{2,}", "_", text).strip("._-") or "resume"
    if text.split(".")[0].lower() in _WINDOWS_RESERVED:
        text = f"_{text}"
    if len(text) > NAME_MAX:
        text = f"{text[: NAME_MAX - 9].rstrip('._-')}-{_short_hash(rel)}"
    return text


def unique_names(rels: Iterable[str], previous: dict[str, str] | None = None) -> dict[str, str]:
    """Output name per rel: ``slug(rel)``, plus a hash of rel when another rel has that slug.

    Collisions are judged case-insensitively (macOS and Windows disks). A rel that had a name
    in the last run (``previous``: rel -> name) keeps it while it is still free, so adding a
    file never renames (and never overwrites) another student's reports; among new rels the
    first in sorted order keeps the plain name, so names never depend on timing.
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    ordered = sorted(set(rels))
    for rel in ordered:
        old = (previous or {}).get(rel)
        if old and old.lower() not in used and old in (slug(rel), f"{slug(rel)}-{_short_hash(rel)}"):
            names[rel] = old
            used.add(old.lower())
    for rel in ordered:
        if rel in names:
            continue
        name = slug(rel)
        if name.lower() in used:
            name = f"{name}-{_short_hash(rel)}"
        used.add(name.lower())
        names[rel] = name
    return names


def _size(n: int) -> str:
    """A size as a person reads it: 10 MB, 200 KB, 900 bytes."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
