"""``rezident build``: validate, then render HTML and PDF, incrementally, in parallel, safely.

The orchestration lives here and only here: which items are stale
(``pipeline``, by content hashes kept in ``manifest``), how many processes
render them (``pool``), and how output reaches ``output/`` (``publish``,
under ``lock``). The validator and the renderers are called through
``toolkit``.
"""

from .pipeline import (
    CACHE_NAME,
    TARGETS,
    BuildReport,
    BuildRequest,
    Progress,
    StageReport,
    build,
    default_jobs,
    summarize_stages,
)
from .toolkit import Finding, Toolkit  # Finding is rezident.validate's

__all__ = ["CACHE_NAME", "TARGETS", "BuildReport", "BuildRequest", "Finding", "Progress",
           "StageReport", "Toolkit", "build", "default_jobs", "summarize_stages"]
