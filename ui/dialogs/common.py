"""What every editing dialog shares: the form base, its inline messages, and its words.

The pattern (one place, so all dialogs behave alike): each field sits in a
QFormLayout with a one-line message under it — red for a problem that keeps
OK disabled, amber for a warning that does not. A dialog says what is wrong
in :meth:`FormDialog.problems` / :meth:`FormDialog.warnings`; the base class
re-checks on every change. Fields listed in ``quiet`` (the empty required
fields of a new form) show their problem only once touched, so a new form is
not a wall of red; OK stays disabled meanwhile and its tooltip says why.

:meth:`FormDialog.save_operation` turns the validated values into a function
of a *writable* Library that the main window runs on its background worker:
it captures plain values only and never touches a widget (:func:`write_with`).
The inputs a form is built of are in :mod:`caseorg_ui.dialogs.fields`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import COMPLETION_GOAL, Library
from caseorg.records import Document, Judge
from caseorg.values import format_a_number
from caseorg.words import choice_text, sentence, us_date
from caseorg_ui.qt import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QShowEvent,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

FIELD_MIN_WIDTH = 320
ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"
HINT_COLOR = "#5f6368"

Operation = Callable[[Library], Any]


def write_with(write: Callable[..., Any], *args: Any, **fields: Any) -> Operation:
    """The operation ``lib -> write(lib, *args, **fields)``: a form's validated values,
    taken now, written later on the worker (e.g. ``write_with(add_deadline, case_id,
    **values)``)."""

    def save(lib: Library) -> Any:
        return write(lib, *args, **fields)

    return save


def required(dialog: object, key: str, value: int | None) -> int:
    """A context keyword a dialog cannot open without (TypeError when it is missing)."""
    if value is None:
        raise TypeError(f"{type(dialog).__name__} needs {key}")
    return value


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

    def add_case_heading(self, a_number: str | None, respondent: str | None) -> None:
        """The case the form is about, in bold above it ('A-123-456-789 · Ana Lopez')."""
        self.add_top(heading(case_heading(a_number or "", respondent or "")))

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
