"""Pages a student or an advisor reads in a browser or an e-mail name no shell command: the
finder used by the feedback and web-page tests, and two resumes whose reports once did."""

from __future__ import annotations

import re

OUT_OF_ORDER = (
    "Pat Doe\npat.doe@college.edu | (555) 555-0100\n\nEXPERIENCE\n"
    "Billing Clerk, Mercy Hospital, Jan 2012 - Mar 2015\n- Posted charges for 40 accounts a day\n"
    "Medical Coder, City Clinic, Jan 2018 - Present\n- Coded 60 charts per day with ICD-10-CM and CPT\n"
    "\nEDUCATION\nAAS Health Information Technology, City College, 2017\n\nSKILLS\nICD-10-CM, CPT, HCPCS\n"
)
NOT_HEALTHCARE = (
    "Sam Roe\nsam.roe@example.com | (555) 555-0101\n\nEXPERIENCE\n"
    "Software Engineer, Acme Corp, Jan 2019 - Present\n- Built Python services for 20 teams\n"
    "\nEDUCATION\nBS Computer Science, State University, 2018\n\nSKILLS\nPython, SQL, Docker\n"
)


def cli_mentions(page: str) -> list[str]:
    """Every "resume-tool <subcommand>" and every option of the CLI named on ``page``
    (stylesheets left out: CSS custom properties also start with "--")."""
    from resume_tool.cli import cli

    text = re.sub(r"<style[^>]*>.*?</style>", " ", page, flags=re.S | re.I)
    commands = "|".join(sorted(cli.commands))
    found = re.findall(rf"resume-tool\s+(?:--?[\w-]+\s+)*(?:{commands})\b", text)
    flags: set[str] = {o for p in cli.params for o in p.opts if o.startswith("--")}
    for command in cli.commands.values():
        for sub in [command, *getattr(command, "commands", {}).values()]:
            flags |= {o for p in sub.params for o in p.opts if o.startswith("--")}
    flags -= {"--help", "--version"}
    found += [f for f in sorted(flags) if re.search(rf"(?<![\w-]){re.escape(f)}\b", text)]
    return found
