"""The inputs a form is built of: date pickers, combos of choices, judges and documents,
line edits, and the small helpers that size and fill them.

Each input answers ``value()``-style questions in plain Python values (ISO dates,
choice codes, judge codes, document ids), so a dialog's :meth:`values` reads like
the record it writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from caseorg.records import Document, Judge
from caseorg.words import QT_DATE_FORMAT, QT_DATETIME_FORMAT, choice_text
from caseorg_ui.dialogs.common import HINT_COLOR, document_text, judge_text
from caseorg_ui.qt import (
    QComboBox,
    QCompleter,
    QDate,
    QDateEdit,
    QDateTime,
    QDateTimeEdit,
    QEvent,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QSizePolicy,
    Qt,
    QTableWidget,
    QTime,
    QWidget,
)

_NO_DATE = QDate(1900, 1, 1)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateEdit(QDateEdit):
    """A date picker (calendar popup, no free text). ``optional`` allows 'not recorded'."""

    def __init__(
        self,
        value: str | dt.date | None = None,
        optional: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(QT_DATE_FORMAT)
        self.setMinimumDate(_NO_DATE)
        self.setMaximumDate(QDate(2199, 12, 31))
        self.optional = optional
        if optional:
            self.setSpecialValueText("not recorded")
        self.calendarWidget().installEventFilter(self)
        self.set_value(value)

    def value(self) -> dt.date | None:
        if self.optional and self.date() == _NO_DATE:
            return None
        day = self.date().toPython()
        assert isinstance(day, dt.date)
        return day

    def iso(self) -> str | None:
        day = self.value()
        return day.isoformat() if day else None

    def set_value(self, value: str | dt.date | None) -> None:
        if value is None or value == "":
            self.setDate(_NO_DATE if self.optional else to_qdate(dt.date.today()))
            return
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        self.setDate(to_qdate(day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        # an unset optional date would open the calendar on January 1900: show today instead
        if event.type() == QEvent.Type.Show and self.date() == _NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


class DateTimeEdit(QDateTimeEdit):
    """Date and time of a hearing: calendar popup, 5-minute steps are typed freely."""

    def __init__(self, value: str | dt.datetime | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(QT_DATETIME_FORMAT)
        self.setMinimumDate(_NO_DATE)
        self.set_value(value)

    def value(self) -> dt.datetime:
        moment = self.dateTime().toPython()
        assert isinstance(moment, dt.datetime)
        return moment.replace(second=0, microsecond=0, tzinfo=None)

    def set_value(self, value: str | dt.datetime | None) -> None:
        if value is None or value == "":
            moment = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(9, 0))
        elif isinstance(value, dt.datetime):
            moment = value
        else:
            moment = dt.datetime.fromisoformat(str(value))
        self.setDateTime(QDateTime(to_qdate(moment.date()), QTime(moment.hour, moment.minute)))


class DataCombo(QComboBox):
    """A combo whose items each carry a value (None for an 'empty' first item)."""

    def value(self) -> Any:
        """The chosen item's value (None for the empty item)."""
        return self.currentData()

    def set_value(self, value: Any) -> None:
        """Choose the item carrying ``value`` (None: the first); an unknown value
        leaves the choice as it is."""
        index = self.findData(value) if value is not None else 0
        if index >= 0:
            self.setCurrentIndex(index)


class ChoiceCombo(DataCombo):
    """One of a model's choice tuples (CUSTODY, OUTCOMES, ...), shown in words."""

    def __init__(
        self,
        choices: Iterable[str],
        current: str | None = None,
        empty: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        if empty is not None:
            self.addItem(empty, None)
        for choice in choices:
            self.addItem(choice_text(choice), choice)
        self.set_value(current)


class JudgeCombo(DataCombo):
    """Judges by name with their docket code; the value of each item is the code."""

    def __init__(
        self,
        judges: Sequence[Judge],
        current_code: str | None = None,
        empty: str | None = "(no judge assigned)",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.empty = empty
        self.fill(judges, current_code)
        compact(self)

    def fill(self, judges: Sequence[Judge], current_code: str | None = None) -> None:
        """(Re)load the judges offered, selecting ``current_code`` if it is among them."""
        self.blockSignals(True)
        self.clear()
        self.judges = {judge.code: judge for judge in judges}
        if self.empty is not None:
            self.addItem(self.empty, None)
        for judge in judges:
            self.addItem(judge_text(judge), judge.code)
        self.blockSignals(False)
        self.set_code(current_code)
        self.currentIndexChanged.emit(self.currentIndex())

    def code(self) -> str | None:
        return self.value()

    def set_code(self, code: str | None) -> None:
        self.set_value(code)

    def judge(self) -> Judge | None:
        code = self.code()
        return self.judges.get(code) if code else None


class DocumentCombo(DataCombo):
    """A document of the case (or none); the value of each item is the document id."""

    def __init__(
        self,
        documents: Sequence[Document],
        current_id: int | None = None,
        empty: str = "(none)",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.addItem(empty, None)
        for document in documents:
            self.addItem(document_text(document), document.id)
            self.setItemData(self.count() - 1, document.title, Qt.ItemDataRole.ToolTipRole)
        self.set_value(current_id)
        compact(self)

    def document_id(self) -> int | None:
        return self.value()

    def set_id(self, document_id: int | None) -> None:
        self.set_value(document_id)


def compact(combo: QComboBox, chars: int = 34) -> None:
    """Keep a combo of long entries from widening the whole dialog."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def line_edit(text: str | None = None, placeholder: str = "", max_length: int = 200) -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(max_length)
    edit.setClearButtonEnabled(True)
    return edit


def complete(edit: QLineEdit, words: list[str]) -> None:
    """Offer ``words`` (values already used) as ``edit`` is typed in, any case."""
    if words:
        completer = QCompleter(words, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)


def make_read_only(edit: QLineEdit) -> None:
    """A value shown in the form's layout that cannot be changed here (looks it)."""
    edit.setReadOnly(True)
    edit.setClearButtonEnabled(False)
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    edit.setStyleSheet(f"QLineEdit {{ background: palette(window); color: {HINT_COLOR}; }}")


def text_of(widget: QLineEdit | QPlainTextEdit) -> str:
    """Stripped text of a line or text edit."""
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    return widget.text().strip()


def fixed_height_for_rows(table: QTableWidget, rows: int) -> None:
    """Size a small table to show ``rows`` rows (then scroll)."""
    header = table.horizontalHeader().sizeHint().height() if table.horizontalHeader() else 0
    row = table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(header + row * max(1, rows) + 2 * table.frameWidth() + 6)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
