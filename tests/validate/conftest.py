"""Fixtures of the validation tests: the compiled validators, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from rezident.validate import Validator


@pytest.fixture(scope="session")
def schema_dir(project_root: Path) -> Path:
    return project_root / "schema"


@pytest.fixture(scope="session")
def validator(schema_dir: Path) -> Validator:
    return Validator.for_schema_dir(schema_dir)


@pytest.fixture(scope="session")
def tei_all_validator(tei_all_rng: Path) -> Validator:
    return Validator(tei_all_rng)
