"""settings: declared once, shipped as a commented default file, file < env < overrides.

STYLE #10: a user file overrides only what it sets; BILAT_<NAME> variables override
the file; keyword overrides (the CLI's options) override both.
"""
from __future__ import annotations

import pickle
import tomllib
from dataclasses import fields
from importlib import resources

import pytest

from bilat.errors import SettingsError
from bilat.settings import SETTINGS, Settings, default_settings_toml, load_settings

NO_ENV: dict[str, str] = {}


def _write(tmp_path, text, name="bilat.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ---------------------------------------------------------------- the shipped default file

def test_shipped_default_file_is_the_generated_one():
    shipped = resources.files("bilat").joinpath("default_settings.toml").read_text(encoding="utf-8")
    assert shipped.rstrip("\n") == default_settings_toml().rstrip("\n"), \
        "src/bilat/default_settings.toml is stale: regenerate it from bilat.settings.default_settings_toml()"


def test_default_file_parses_to_the_defaults():
    data = tomllib.loads(default_settings_toml())
    assert Settings(**data) == Settings()


def test_every_setting_is_documented_in_the_default_file():
    text = default_settings_toml()
    for s in SETTINGS:
        assert f"# {s.help}\n{s.name} = " in text
        assert s.help.strip(), f"setting {s.name} has no help"


def test_declarations_match_the_dataclass():
    assert [f.name for f in fields(Settings)] == [s.name for s in SETTINGS]
    assert {f.name: f.default for f in fields(Settings)} == {s.name: s.default for s in SETTINGS}


# ---------------------------------------------------------------- precedence

def test_no_file_no_env_gives_defaults():
    assert load_settings(env=NO_ENV) == Settings()


def test_file_overrides_only_what_it_sets(tmp_path):
    p = _write(tmp_path, 'batch_size = 8\nmodel = "en_core_web_md"\n')
    s = load_settings(p, env=NO_ENV)
    assert (s.batch_size, s.model) == (8, "en_core_web_md")
    assert s.workers == Settings().workers and s.db == Settings().db


def test_file_may_use_a_bilat_table(tmp_path):
    p = _write(tmp_path, "[bilat]\nworkers = 3\n")
    assert load_settings(p, env=NO_ENV).workers == 3


def test_settings_path_from_environment(tmp_path):
    p = _write(tmp_path, "workers = 4\n")
    assert load_settings(env={"BILAT_SETTINGS": str(p)}).workers == 4


@pytest.mark.parametrize("file_value, env_value, override, expected", [
    (None, None, None, 32),
    ("8", None, None, 8),
    ("8", "16", None, 16),
    ("8", "16", 64, 64),
    (None, "16", None, 16),
    (None, None, 64, 64),
    ("8", None, 64, 64),
])
def test_precedence_defaults_file_env_override(tmp_path, file_value, env_value, override, expected):
    path = _write(tmp_path, f"batch_size = {file_value}\n") if file_value else None
    env = {"BILAT_BATCH_SIZE": env_value} if env_value else {}
    assert load_settings(path, env=env, batch_size=override).batch_size == expected


def test_explicit_path_beats_environment_path(tmp_path):
    a = _write(tmp_path, "workers = 2\n", "a.toml")
    b = _write(tmp_path, "workers = 5\n", "b.toml")
    assert load_settings(a, env={"BILAT_SETTINGS": str(b)}).workers == 2


def test_none_override_means_not_given(tmp_path):
    p = _write(tmp_path, "workers = 3\n")
    assert load_settings(p, env=NO_ENV, workers=None).workers == 3


@pytest.mark.parametrize("name, raw, expected", [
    ("include_background", "false", False),
    ("include_background", "0", False),
    ("include_background", "No", False),
    ("include_background", "off", False),
    ("include_background", "TRUE", True),
    ("include_background", "yes", True),
    ("min_confidence", "0.25", 0.25),
    ("min_confidence", "1", 1.0),
    ("workers", "2", 2),
    ("api_token", "s3cret", "s3cret"),
])
def test_environment_strings_are_coerced(name, raw, expected):
    s = load_settings(env={"BILAT_" + name.upper(): raw})
    value = getattr(s, name)
    assert value == expected and type(value) is type(expected)


def test_with_coerces_and_skips_none():
    s = Settings().with_(workers="2", model=None)
    assert s.workers == 2 and s.model == Settings().model


# ---------------------------------------------------------------- bad values: SettingsError with a code

@pytest.mark.parametrize("text, code", [
    ("workers = [", "B201"),  # broken TOML
    ("no_such_setting = 1", "B202"),
    ('workers = "many"', "B203"),
    ("workers = true", "B203"),  # a bool is not an int
    ("include_background = 3", "B203"),
    ("model = 3", "B203"),
    ("min_confidence = \"high\"", "B203"),
])
def test_bad_file_values(tmp_path, text, code):
    p = _write(tmp_path, text + "\n")
    with pytest.raises(SettingsError) as info:
        load_settings(p, env=NO_ENV)
    assert info.value.code == code
    assert info.value.message.startswith(f"[{code}] ")


def test_missing_file_is_b201_and_names_it(tmp_path):
    missing = tmp_path / "nope.toml"
    with pytest.raises(SettingsError) as info:
        load_settings(missing, env=NO_ENV)
    assert info.value.code == "B201" and "nope.toml" in str(info.value)


def test_non_utf8_file_is_b201(tmp_path):
    p = tmp_path / "latin.toml"
    p.write_bytes('db = "caf\u00e9.db"\n'.encode("latin-1"))
    with pytest.raises(SettingsError) as info:
        load_settings(p, env=NO_ENV)
    assert info.value.code == "B201"


@pytest.mark.parametrize("env, code", [
    ({"BILAT_WORKERS": "two"}, "B203"),
    ({"BILAT_INCLUDE_BACKGROUND": "maybe"}, "B203"),
    ({"BILAT_MIN_CONFIDENCE": "lots"}, "B203"),
])
def test_bad_environment_values(env, code):
    with pytest.raises(SettingsError) as info:
        load_settings(env=env)
    assert info.value.code == code
    name = next(iter(env))[len("BILAT_"):].lower()
    assert name in str(info.value)


def test_unknown_override_lists_valid_names():
    with pytest.raises(SettingsError) as info:
        load_settings(env=NO_ENV, colour="blue")
    assert info.value.code == "B202"
    assert "batch_size" in str(info.value) and "colour" in str(info.value)


def test_unrelated_environment_variables_are_ignored():
    assert load_settings(env={"BILAT_NOT_A_SETTING": "x", "HOME": "/"}) == Settings()


# ---------------------------------------------------------------- records

def test_settings_are_frozen_and_picklable():
    s = load_settings(env={"BILAT_WORKERS": "2", "BILAT_MODEL": "en_core_web_md"})
    assert pickle.loads(pickle.dumps(s)) == s
    with pytest.raises(AttributeError):
        s.workers = 3  # type: ignore[misc]
    assert hash(s) == hash(pickle.loads(pickle.dumps(s)))
