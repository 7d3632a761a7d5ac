"""The batch dashboard at class scale: build, load, sort and filter 2,000 students in Chromium.

    python bench/bench_dashboard.py [--rows 2000] [--repeat 5] [--chromium /usr/bin/chromium]

A synthetic class (rows like the manifest keeps, with findings, missing keywords, writing
problems and a few duplicates and failures) is rendered with ``cohort_view`` and
``render_index``; then headless Chromium (Playwright) loads the page from disk and times,
inside the page: load (navigation start to the load event, script included), one sort by score
(click to rows moved), and one filter by finding and one by band (change to rows hidden).
Medians of ``--repeat`` runs. Nothing is sent anywhere; the page is a local file.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from resume_tool.batch.cohort import cohort_view, render_index

CODES = [("no-text", "error"), ("missing-contact", "error"), ("contact-in-header-footer", "warning"),
         ("table-layout", "warning"), ("multi-column", "warning"), ("missing-section", "info"),
         ("nonstandard-heading", "warning"), ("no-quantified-results", "info"), ("length", "info"),
         ("legacy-term", "info"), ("date-unparsed", "warning")]
TERMS = ["CPC", "CPT", "ICD-10-CM", "HCPCS Level II", "E/M", "modifiers", "NCCI", "Epic", "encoder",
         "denial management", "medical terminology", "claim scrubbing", "MDM", "LCD", "NCD"]
ROLES = ["Outpatient / Professional-Fee Coder", "Inpatient Coder", "Medical Biller",
         "Health Information Technician", "Risk Adjustment Coder"]
OPENERS = ["Responsible for", "Assisted with", "Helped", "Worked on"]


def synthetic_rows(n: int, seed: int = 14) -> list[dict]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        file = f"class-2026/section-{i % 12:02d}/student-{i:04d}-resume.{'pdf' if i % 3 else 'docx'}"
        if i % 97 == 5:
            rows.append({"file": file, "name": f"s{i}", "status": "failed", "sha256": f"f{i}",
                         "error": f"{file}: the PDF is password-protected, so an ATS cannot open it. "
                                  "Save it again without a password", "outputs": {}})
            continue
        findings = rnd.sample(CODES, rnd.randint(0, 4))
        fs = [[c, s, f"Fix for {c}.", f"Message for {c}."] for c, s in sorted(findings)]
        first = min(fs, key=lambda f: ("error", "warning", "info").index(f[1]), default=None)
        missing = rnd.sample(TERMS, rnd.randint(0, 9))
        score = rnd.randint(0, 100)
        dup = i % 150 == 7
        rows.append({
            "file": file, "name": f"s{i}", "sha256": f"h{i - 1 if dup else i}", "status": "ok", "error": "",
            "student": f"Student {i:04d}", "email": f"student{i:04d}@college.edu",
            "role": "outpatient-coder", "role_name": rnd.choice(ROLES), "score": score,
            "band": "strong" if score >= 75 else "fair" if score >= 50 else "weak",
            "required_missing": missing[:5], "errors": sum(f[1] == "error" for f in fs),
            "warnings": sum(f[1] == "warning" for f in fs), "infos": sum(f[1] == "info" for f in fs),
            "missing": [[t.lower(), t, j < 5] for j, t in enumerate(missing)],
            "targets": [t.lower() for t in TERMS], "findings": fs,
            "first_fix": [first[0], first[1], first[3], first[2]] if first else None,
            "writing_score": rnd.randint(30, 100),
            "writing_problems": [["weak-opener", rnd.choice(OPENERS)], ["no-result", ""]][: rnd.randint(0, 2)],
            "outputs": {"html": f"reports/student-{i:04d}.html", "json": f"reports/student-{i:04d}.json"},
        })
    return rows


TIMING_JS = """async () => {
  const t = performance.getEntriesByType("navigation")[0];
  const out = {load: t.loadEventEnd - t.startTime, dcl: t.domContentLoadedEventEnd - t.startTime};
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  let t0 = performance.now();
  document.querySelector("#students thead th:nth-child(3) button").click();
  out.sort_script = performance.now() - t0;
  await frame();
  out.sort = performance.now() - t0;
  const pick = (id, v) => { const s = document.getElementById(id); s.value = v;
                            s.dispatchEvent(new Event("change")); };
  t0 = performance.now(); pick("f-find", "no-text");
  out.filter_script = performance.now() - t0;
  await frame();
  out.filter_finding = performance.now() - t0;
  t0 = performance.now(); pick("f-find", ""); pick("f-band", "weak"); await frame();
  out.filter_band = performance.now() - t0;
  out.visible = [...document.querySelectorAll("#students tbody tr")].filter(r => !r.hidden).length;
  return out;
}"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    rows = synthetic_rows(args.rows)
    t0 = time.perf_counter()
    page = render_index(cohort_view(rows, [], posting="posting.txt", score_version="2.1"))
    build = time.perf_counter() - t0
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.html"
        path.write_text(page, "utf-8")
        print(f"{args.rows} rows: page {len(page.encode()) / 1e6:.2f} MB, built in {build * 1000:.0f} ms")
        results: dict[str, list[float]] = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, headless=True, args=["--no-sandbox"])
            for _ in range(args.repeat):
                tab = browser.new_page(viewport={"width": 1280, "height": 900})
                tab.goto(path.as_uri())
                got = tab.evaluate(TIMING_JS)
                for k, v in got.items():
                    if k != "visible":
                        results.setdefault(k, []).append(v)
                tab.close()
            browser.close()
        for k, vs in results.items():
            print(f"  {k:15s} median {statistics.median(vs):7.1f} ms  (min {min(vs):.1f}, max {max(vs):.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
