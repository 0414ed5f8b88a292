"""Shared fixtures: paths to the project's own fixtures and to ../shared/ when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"
SHARED = Path(__import__("os").environ.get("MODERATION_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared datasets and pages sit beside the checkout in CI only")
    return path


@pytest.fixture
def fixture_path():
    return lambda name: FIXTURES / name
