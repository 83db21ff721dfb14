"""settings: every threshold in one frozen object; trying another value needs no code edit."""

from __future__ import annotations

import dataclasses

import pytest

from compoundmap import geocode, settings


def test_settings_are_frozen_and_documented() -> None:
    current = settings.get()
    with pytest.raises(dataclasses.FrozenInstanceError):
        current.fuzzy_min = 1.0  # type: ignore[misc]
    doc = settings.Settings.__doc__ or ""
    for f in dataclasses.fields(settings.Settings):
        assert f.name in doc, f"{f.name} has no docstring entry"


def test_override_changes_answers_and_restores_them() -> None:
    typo = "Svay Rieg"  # a typo found only by the typo passes
    before = geocode(typo)
    assert before.province_code == "20"
    strict = {
        "phonetic_min": 101.0,
        "phonetic_single_min": 101.0,
        "scoped_fuzzy_min": 101.0,
        "fuzzy_min": 101.0,
        "edit_min_letters": 99,
    }
    with settings.override(**strict) as inside:
        assert inside.fuzzy_min == 101.0 == settings.get().fuzzy_min
        assert geocode(typo).method != "fuzzy"  # the cached answer was not reused
    assert settings.get() == settings.Settings()
    assert geocode(typo) == before


def test_override_restores_on_error() -> None:
    with pytest.raises(RuntimeError), settings.override(town_population=1):
        raise RuntimeError("boom")
    assert settings.get().town_population == settings.Settings().town_population


def test_override_refuses_unknown_names_and_cache_sizes() -> None:
    with (
        pytest.raises(TypeError, match="no_such_threshold"),
        settings.override(no_such_threshold=1),
    ):
        pass
    with (
        pytest.raises(ValueError, match="geocode_cache_size"),
        settings.override(geocode_cache_size=10),
    ):
        pass
    assert settings.get() == settings.Settings()
