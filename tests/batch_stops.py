"""Stop a batch run part-way, as Ctrl-C or a kill would: the check of the n-th file raises."""

from __future__ import annotations

from typing import Any

import pytest

from resume_tool.batch import running as batch_mod


def stop_on_check(monkeypatch: pytest.MonkeyPatch, n: int, exc: type[BaseException]) -> Any:
    """Make the ``n``-th file's check raise ``exc`` (the earlier ones run as usual); returns
    the real check, to put back for a second run."""
    real = batch_mod.check_task
    calls = 0

    def stopping(task: Any) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == n:
            raise exc
        return real(task)

    monkeypatch.setattr(batch_mod, "check_task", stopping)
    return real
