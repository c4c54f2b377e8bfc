"""The app's remembered state in QSettings: window geometry, splitters, recent libraries.

The settings file lives in the per-user config folder that platformdirs names
(an INI file, the same on every platform), looked up on each call, so a test
that points XDG_CONFIG_HOME elsewhere never sees or touches the user's settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from caseorg.library import is_court_url, is_library
from caseorg_ui.qt import (
    QByteArray,
    QSettings,
    QSplitter,
)

if TYPE_CHECKING:
    from caseorg_ui.qt import QMainWindow  # annotations only: no Qt type built

MAX_RECENT = 8
RECENT_KEY = "recent_libraries"


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir("caseorg", appauthor=False)) / "caseorg.ini"


def settings() -> QSettings:
    """The app's settings store (call each time; QSettings objects are cheap)."""
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def recent_libraries() -> list[Path | str]:
    """Libraries opened before, most recent first: folders still on disk, and court
    libraries' URLs (without a password: libpq finds it in the user's ~/.pgpass)."""
    found: list[Path | str] = []
    for item in _stored_list(settings(), RECENT_KEY):
        if is_court_url(item):
            found.append(item)
        elif is_library(Path(item)):
            found.append(Path(item))
    return found


def _stored_list(store: QSettings, key: str) -> list[str]:
    """A list setting (QSettings gives a bare string for a one-item list)."""
    value = store.value(key, [])
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return []


def without_password(url: str) -> str:
    """A court library's URL with no password in it (what is written to the settings)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


def recent_item(location: Path | str) -> str:
    """How ``location`` is written in the recent libraries (a URL without its password)."""
    return without_password(str(location)) if is_court_url(location) else str(location)


def add_recent_library(location: Path | str) -> None:
    item = recent_item(location)
    store = settings()
    stored = _stored_list(store, RECENT_KEY)
    if stored[:1] == [item]:
        return  # already the most recent: nothing to write (the usual start)
    keep = [entry for entry in stored if entry != item]
    store.setValue(RECENT_KEY, [item, *keep][:MAX_RECENT])
    store.sync()


def save_window(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Remember geometry, dock layout and splitter positions."""
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    for name, splitter in splitters.items():
        store.setValue(f"splitter/{name}", splitter.saveState())
    store.sync()


def restore_window(window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
    """Put the window back as it was; False when nothing was saved (first run)."""
    store = settings()
    geometry = store.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = store.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for name, splitter in splitters.items():
        saved = store.value(f"splitter/{name}")
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)
    return isinstance(geometry, QByteArray)
