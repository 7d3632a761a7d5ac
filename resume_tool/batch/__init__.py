"""``resume-tool batch``: check a whole class of resumes into one folder.

One module per job: ``inputs`` (which files are resumes, read safely from folders and ZIPs),
``running`` (the worker pool, the manifest that makes re-runs incremental, progress),
``outputs`` (the row kept per file and ``summary.csv``) and ``cohort`` (the ``index.html``
dashboard). ``run_batch`` is the public entry point; ``cli`` and ``serve`` call only it.
"""

from .running import FILE_SECONDS, BatchResult, Settings, run_batch

__all__ = ["FILE_SECONDS", "BatchResult", "Settings", "run_batch"]
