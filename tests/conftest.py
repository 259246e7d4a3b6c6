"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpora() -> Path:
    """``../shared/corpora``: real third-party material.

    Absent on a developer's machine, the tests that need it are skipped with a
    message; in CI (CI=true) its absence is a failure, never a silent skip.
    """
    path = SHARED / "corpora"
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run with ../shared beside the clone")
        pytest.skip(f"{path} is not here; put ../shared beside the project to run this test")
    return path


@pytest.fixture(scope="session")
def tei_all_rng(corpora: Path) -> Path:
    return corpora / "tei-p5" / "tei_all.rng"
