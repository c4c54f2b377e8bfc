"""The window's reader (a real folder library; the court cases are in
tests/ui/window/test_court_reads.py): on its thread, answers come back on the UI thread in
order, a newer read of the same key makes the older one's answer vanish, a failure is one
line; run at once, a failure is the caller's error, as a direct read's would be."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caseorg.errors import NotFound
from caseorg.library.folder import Library, open_library
from caseorg.records.cases import add_case, get_case, list_cases
from caseorg_ui.operations import Reader, inline_reader


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library")
    add_case(lib, "A-123-456-789", "Ana Lopez")
    add_case(lib, "A-987-654-321", "Bo Chen")
    yield lib
    lib.close()


@pytest.fixture
def reader(folder: Library) -> Iterator[Reader]:
    threaded = Reader(folder, background=True)
    yield threaded
    threaded.shutdown()


def test_answers_arrive_on_the_ui_thread_and_a_stale_one_is_dropped(
    qtbot: Any, reader: Reader
) -> None:
    hold, started = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []
    shown: list[str] = []

    def slow_first(lib: Library) -> str:
        threads.append(threading.current_thread())
        started.set()
        hold.wait(5)  # the user clicks again meanwhile
        return get_case(lib, 1).respondent

    reader.read("case", slow_first, shown.append)
    assert started.wait(5)  # running: a newer read can only drop its answer now
    reader.read("counts", lambda lib: str(len(list_cases(lib))), shown.append)
    reader.read("case", lambda lib: get_case(lib, 2).respondent, shown.append)
    assert reader.busy and shown == []
    hold.set()
    qtbot.waitUntil(lambda: not reader.busy, timeout=5000)
    assert shown == ["2", "Bo Chen"]  # in the order asked; Ana's answer came, and was dropped
    assert threads == [reader.thread] and reader.thread is not threading.main_thread()


def test_a_failure_is_one_line_to_whoever_takes_it(qtbot: Any, reader: Reader) -> None:
    said: list[str] = []
    reader.failed.connect(said.append)
    taken: list[str] = []
    reader.read("case", lambda lib: get_case(lib, 999), taken.append, taken.append)
    reader.read("other", lambda lib: get_case(lib, 998), taken.append)
    qtbot.waitUntil(lambda: not reader.busy, timeout=5000)
    assert len(taken) == 1 and len(said) == 1
    assert "\n" not in taken[0] and "\n" not in said[0] and "998" in said[0]


def test_read_at_once_a_failure_is_the_caller_s(folder: Library) -> None:
    now = inline_reader(folder)
    shown: list[str] = []
    now.read("case", lambda lib: get_case(lib, 1).respondent, shown.append)
    assert shown == ["Ana Lopez"]  # answered before read() returned
    with pytest.raises(NotFound):
        now.read("case", lambda lib: get_case(lib, 999), shown.append)
    said: list[str] = []
    now.say_failures(said.append)  # a window says it instead
    now.read("case", lambda lib: get_case(lib, 999), shown.append)
    assert len(said) == 1 and shown == ["Ana Lopez"]
