"""Fixtures shared by the tests that build the site."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

EPOCH = "1764000000"  # 2025-11-24: a fixed "today" for the upcoming/past split


@pytest.fixture(scope="module")
def fixed_date() -> Iterator[None]:
    """Pin the build date (SOURCE_DATE_EPOCH) for a whole test module."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    yield
    if old is None:
        del os.environ["SOURCE_DATE_EPOCH"]
    else:
        os.environ["SOURCE_DATE_EPOCH"] = old


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak the language the environment asks for: the tests that read their English
    messages ask for English (GNU gettext's LANGUAGE, which leaves the locale alone); tests of
    other languages pass --lang."""
    monkeypatch.setenv("LANGUAGE", "en")
