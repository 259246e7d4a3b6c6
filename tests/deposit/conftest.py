"""Fixtures of the deposit tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from deposit_samples import write_edition

from rezident import edition as edition_config


@pytest.fixture
def small_edition(tmp_path: Path) -> edition_config.Edition:
    return write_edition(tmp_path / "edition")


@pytest.fixture(scope="session")
def tei_all(tei_all_rng: Path):
    """TEI P5's tei_all schema, loaded once (it takes seconds)."""
    from lxml import etree
    return etree.RelaxNG(etree.parse(str(tei_all_rng)))
