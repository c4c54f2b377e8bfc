"""The court settings edit the reasons a reassignment order may give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caseorg.library.folder import open_library
from caseorg.records import order_reasons
from caseorg_ui.court.court_panels import CourtSettingsDialog


def test_the_reasons_are_edited_in_the_court_settings(qtbot: Any, tmp_path: Path) -> None:
    with open_library(tmp_path / "lib") as lib:
        dialog = CourtSettingsDialog(lib)
        qtbot.addWidget(dialog)
        assert dialog.reason_list()[0] == "docket rebalancing"
        dialog.reasons.setPlainText("recusal\n\ndetail assignment\nother")
        dialog.grab().save(str(tmp_path / "settings.png"))
        dialog.save_operation()(lib)
        assert order_reasons(lib) == ["recusal", "detail assignment", "other"]
