"""What every editing dialog shares: the form, inline messages, date and choice widgets.

The pattern (one place, so all dialogs behave alike): each field sits in a
QFormLayout with a one-line message under it — red for a problem that keeps
OK disabled, amber for a warning that does not. A dialog says what is wrong
in :meth:`FormDialog.problems` / :meth:`FormDialog.warnings`; the base class
re-checks on every change. Fields listed in ``quiet`` (the empty required
fields of a new form) show their problem only once touched, so a new form is
not a wall of red; OK stays disabled meanwhile and its tooltip says why.

:meth:`FormDialog.save_operation` turns the validated values into a function
of a *writable* Library that the main window runs on its background worker:
it captures plain values only and never touches a widget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library.folder import Library
from caseorg.library.settings import COMPLETION_GOAL
from caseorg.records.models import Document, Judge
from caseorg.values import format_a_number
from caseorg.words import choice_text, sentence, us_date
from caseorg_ui.qt import (
    QAbstractButton,
    QComboBox,
    QDate,
    QDateEdit,
    QDateTime,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QShowEvent,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTableWidget,
    QTime,
    QVBoxLayout,
    QWidget,
)

DATE_FORMAT = "MM/dd/yyyy"  # as the court writes dates (and the printed reports)
DATETIME_FORMAT = "MM/dd/yyyy  h:mm AP"
FIELD_MIN_WIDTH = 320
ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"
HINT_COLOR = "#5f6368"

Operation = Callable[[Library], Any]


def judge_text(judge: Judge | None) -> str:
    return f"{judge.name} ({judge.code})" if judge else "(no judge assigned)"


def document_text(document: Document) -> str:
    """One line naming a document in a combo or list: title, type, filed date."""
    parts = [choice_text(document.doc_type)]
    if document.filed_on:
        parts.append(f"filed {us_date(document.filed_on)}")
    return f"{document.title} — {', '.join(parts)}"


def case_heading(a_number: str, respondent: str) -> str:
    return f"{format_a_number(a_number)} · {respondent}"


# -- widgets -------------------------------------------------------------------------


class MessageLabel(QLabel):
    """The one line under a field: red problem, amber warning, or hidden."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = ""
        self.hide()

    def show_message(self, text: str | None, kind: str = "error") -> None:
        if not text:
            self.kind = ""
            self.clear()
            self.hide()
            return
        self.kind = kind
        color = ERROR_COLOR if kind == "error" else WARNING_COLOR
        self.setStyleSheet(f"color: {color};")
        self.setText(sentence(text))
        self.show()


def hint_label(text: str) -> QLabel:
    """Grey explanatory text under a field or at the top of a dialog."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet(f"color: {HINT_COLOR};")
    return hint


def goal_spin_box(value: int, suffix: str) -> QSpinBox:
    """The annual completion goal per judge, as the court settings and the dashboard
    both ask for it (its bounds are the setting's own)."""
    spin = QSpinBox()
    spin.setRange(COMPLETION_GOAL.minimum, COMPLETION_GOAL.maximum)
    spin.setSingleStep(10)
    spin.setGroupSeparatorShown(True)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def lay_out_settings(dialog: QDialog, form: QFormLayout, note: str) -> None:
    """A small settings dialog: the fields, a grey note on what they change, OK and
    Cancel (accept and reject)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(hint_label(note))
    layout.addWidget(buttons)


def banner(text: str) -> QLabel:
    """A framed note at the top of a dialog (e.g. 'history is append-only')."""
    note = QLabel(text)
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.RichText)
    note.setStyleSheet(
        "QLabel { background: #fff8e1; border: 1px solid #e0c36a; border-radius: 3px;"
        " padding: 6px; color: #3c3000; }"
    )
    return note


def heading(text: str) -> QLabel:
    title = QLabel(text)
    font = title.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    title.setFont(font)
    title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return title


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
        self.setDisplayFormat(DATE_FORMAT)
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
        self.setDisplayFormat(DATETIME_FORMAT)
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


class ChoiceCombo(QComboBox):
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

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data is not None else None

    def set_value(self, value: str | None) -> None:
        index = self.findData(value) if value is not None else 0
        if index >= 0:
            self.setCurrentIndex(index)


class JudgeCombo(QComboBox):
    """Judges by name with their docket code; the data of each item is the code."""

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
        data = self.currentData()
        return str(data) if data is not None else None

    def judge(self) -> Judge | None:
        code = self.code()
        return self.judges.get(code) if code else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else 0
        if index >= 0:
            self.setCurrentIndex(index)


class DocumentCombo(QComboBox):
    """A document of the case (or none); the data of each item is the document id."""

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
        self.set_id(current_id)
        compact(self)

    def document_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_id(self, document_id: int | None) -> None:
        index = self.findData(document_id) if document_id is not None else 0
        if index >= 0:
            self.setCurrentIndex(index)


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


def make_read_only(edit: QLineEdit) -> None:
    """A value shown in the form's layout that cannot be changed here (looks it)."""
    edit.setReadOnly(True)
    edit.setClearButtonEnabled(False)
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    edit.setStyleSheet(f"QLineEdit {{ background: palette(window); color: {HINT_COLOR}; }}")


# -- the dialog ----------------------------------------------------------------------


class _Row:
    def __init__(self, key: str, widget: QWidget, message: MessageLabel):
        self.key = key
        self.widget = widget
        self.message = message


class FormDialog(QDialog):
    """Base of every editing dialog: fields in a form, inline checks, OK only when valid."""

    def __init__(self, read_lib: Library, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.read_lib = read_lib
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        self._rows: dict[str, _Row] = {}
        self._touched: set[str] = set()
        self.quiet: set[str] = set()  # keys whose problem waits until the field is touched
        self._show_all = False
        self._finished = False

        self.outer = QVBoxLayout(self)
        self.outer.setSpacing(10)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(8)
        self._form_added = False
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- building --------------------------------------------------------------
    def add_top(self, widget: QWidget) -> None:
        """A heading or note above the form."""
        self.outer.addWidget(widget)

    def _ensure_form(self) -> None:
        if not self._form_added:
            self.outer.addLayout(self.form)
            self._form_added = True

    def add_field(
        self,
        key: str,
        text: str,
        widget: QWidget,
        tooltip: str = "",
        hint: str | None = None,
        shown: QWidget | None = None,
    ) -> MessageLabel:
        """A labelled field with its message line (and an optional grey hint) under it.

        ``widget`` is the input that is watched and checked; ``shown`` (default: the
        same) is what goes in the form, e.g. the input with a label beside it.
        """
        self._ensure_form()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(shown or widget)
        if hint:
            column.addWidget(hint_label(hint))
        message = MessageLabel()
        column.addWidget(message)
        if isinstance(widget, QDateTimeEdit):  # dates stay compact, text fields grow
            widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            widget.setMinimumWidth(widget.sizeHint().width() + 16)
        elif not isinstance(widget, QAbstractButton | QTableWidget):
            widget.setMinimumWidth(FIELD_MIN_WIDTH)
        if tooltip:
            widget.setToolTip(tooltip)
        caption = QLabel(text + ":" if text else "")
        caption.setBuddy(widget)
        if tooltip:
            caption.setToolTip(tooltip)
        self.form.addRow(caption, box)
        self._rows[key] = _Row(key, widget, message)
        return message

    def finish(self) -> None:
        """Call at the end of __init__: buttons, tab order, watchers, first check."""
        self.outer.addStretch(1)
        self.outer.addWidget(self.buttons)
        widgets = [row.widget for row in self._rows.values()]
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if widgets:
            QWidget.setTabOrder(widgets[-1], self.buttons)
        for row in self._rows.values():
            self._watch(row.key, row.widget)
        self._finished = True
        self.revalidate()
        for row in self._rows.values():
            read_only = isinstance(row.widget, QLineEdit) and row.widget.isReadOnly()
            if row.widget.isEnabled() and not read_only:
                row.widget.setFocus()
                break
        self.adjustSize()

    def _watch(self, key: str, widget: QWidget) -> None:
        def changed(*_args: object) -> None:
            self._touched.add(key)
            self.revalidate()

        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
            if widget.isEditable():
                widget.editTextChanged.connect(changed)
        elif isinstance(widget, QDateTimeEdit):  # QDateEdit too
            widget.dateTimeChanged.connect(changed)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(changed)
        elif isinstance(widget, QTableWidget):
            widget.itemChanged.connect(changed)

    # -- checking --------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        """{field key: why it cannot be saved}; override. An entry keeps OK disabled."""
        return {}

    def warnings(self) -> dict[str, str]:
        """{field key: something to double-check}; override. Shown, but OK stays enabled."""
        return {}

    def revalidate(self) -> None:
        """Re-check every field: messages under fields, OK enabled only when valid."""
        if not self._finished:
            return
        problems = self.problems()
        warnings = self.warnings()
        for key, row in self._rows.items():
            shown = self._show_all or key in self._touched or key not in self.quiet
            if key in problems and shown:
                row.message.show_message(problems[key], "error")
            elif key in warnings:
                row.message.show_message(warnings[key], "warning")
            else:
                row.message.show_message(None)
        ok = self.ok_button
        ok.setEnabled(not problems)
        ok.setToolTip("\n".join(sentence(text) for text in problems.values()))
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a message that wrapped onto a second line (Qt's minimum size
        ignores word-wrapped labels), so no field below it gets squeezed."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def message(self, key: str) -> str:
        """The line shown under field ``key`` now ('' when none) — for tests and checks."""
        row = self._rows[key]
        return row.message.text() if row.message.kind else ""

    def message_kind(self, key: str) -> str:
        """'error', 'warning' or '' for field ``key``."""
        return self._rows[key].message.kind

    def field(self, key: str) -> QWidget:
        return self._rows[key].widget

    def is_valid(self) -> bool:
        return not self.problems()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        # opened again after a failed write: the library may have changed meanwhile
        super().showEvent(event)
        self.revalidate()
        self._fit_height()

    def accept(self) -> None:
        self._show_all = True
        self.revalidate()
        if self.problems():
            return
        super().accept()

    # -- saving ----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The plain values the write will use; override."""
        raise NotImplementedError

    def make_operation(self, values: dict[str, Any]) -> Operation:
        """The write of ``values`` on a writable Library; override."""
        raise NotImplementedError

    def save_operation(self) -> Operation:
        """The validated write, for the background worker: plain values, no widgets.

        Raises InvalidValue when the form is not valid (OK would be disabled).
        """
        problems = self.problems()
        if problems:
            raise InvalidValue(next(iter(problems.values())))
        return self.make_operation(self.values())


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
