"""Every Qt name the app uses, from one place (like Anki's ``aqt/qt``).

Modules write ``from caseorg_ui.qt import QMainWindow, Signal`` instead of reaching
into PySide6's sub-modules, so a Qt upgrade or a moved class is fixed here once.

Names are looked up on first use (:func:`__getattr__`), not all at import:
PySide6 builds each class and its enums when first touched (``Qt`` alone takes
~15 ms, the whole list ~40 ms), and a sub-module such as QtPdf loads only with
its first name, so the first window pays only for what it shows.
"""

from __future__ import annotations

import importlib

# every name this module gives, and the PySide6 sub-module it comes from
QT_NAMES = {
    # QtCore
    "QAbstractItemModel": "QtCore",
    "QAbstractListModel": "QtCore",
    "QAbstractTableModel": "QtCore",
    "QByteArray": "QtCore",
    "QCoreApplication": "QtCore",
    "QDate": "QtCore",
    "QDateTime": "QtCore",
    "QEvent": "QtCore",
    "QItemSelectionModel": "QtCore",
    "QLocale": "QtCore",
    "QMargins": "QtCore",
    "QMarginsF": "QtCore",
    "QMessageLogContext": "QtCore",
    "QMimeData": "QtCore",
    "QModelIndex": "QtCore",
    "QObject": "QtCore",
    "QPersistentModelIndex": "QtCore",
    "QPoint": "QtCore",
    "QPointF": "QtCore",
    "QRect": "QtCore",
    "QRectF": "QtCore",
    "QRunnable": "QtCore",
    "QSettings": "QtCore",
    "QSize": "QtCore",
    "QSizeF": "QtCore",
    "QStandardPaths": "QtCore",
    "QThread": "QtCore",
    "QThreadPool": "QtCore",
    "QTime": "QtCore",
    "QTimer": "QtCore",
    "QUrl": "QtCore",
    "Qt": "QtCore",
    "QtMsgType": "QtCore",
    "Signal": "QtCore",
    "Slot": "QtCore",
    "qInstallMessageHandler": "QtCore",
    # QtGui
    "QAbstractTextDocumentLayout": "QtGui",
    "QAction": "QtGui",
    "QActionGroup": "QtGui",
    "QBrush": "QtGui",
    "QCloseEvent": "QtGui",
    "QColor": "QtGui",
    "QDesktopServices": "QtGui",
    "QDragEnterEvent": "QtGui",
    "QDragMoveEvent": "QtGui",
    "QDropEvent": "QtGui",
    "QFocusEvent": "QtGui",
    "QFont": "QtGui",
    "QGuiApplication": "QtGui",
    "QIcon": "QtGui",
    "QKeyEvent": "QtGui",
    "QKeySequence": "QtGui",
    "QPageLayout": "QtGui",
    "QPageSize": "QtGui",
    "QPaintDevice": "QtGui",
    "QPaintEvent": "QtGui",
    "QPainter": "QtGui",
    "QPalette": "QtGui",
    "QPen": "QtGui",
    "QResizeEvent": "QtGui",
    "QScreen": "QtGui",
    "QShowEvent": "QtGui",
    "QStandardItem": "QtGui",
    "QStandardItemModel": "QtGui",
    "QTextBlock": "QtGui",
    "QTextDocument": "QtGui",
    "QTextTable": "QtGui",
    "QWheelEvent": "QtGui",
    # QtWidgets
    "QAbstractButton": "QtWidgets",
    "QAbstractItemView": "QtWidgets",
    "QApplication": "QtWidgets",
    "QButtonGroup": "QtWidgets",
    "QCheckBox": "QtWidgets",
    "QComboBox": "QtWidgets",
    "QCompleter": "QtWidgets",
    "QDateEdit": "QtWidgets",
    "QDateTimeEdit": "QtWidgets",
    "QDialog": "QtWidgets",
    "QDialogButtonBox": "QtWidgets",
    "QDockWidget": "QtWidgets",
    "QFileDialog": "QtWidgets",
    "QFormLayout": "QtWidgets",
    "QFrame": "QtWidgets",
    "QGridLayout": "QtWidgets",
    "QHBoxLayout": "QtWidgets",
    "QHeaderView": "QtWidgets",
    "QInputDialog": "QtWidgets",
    "QLabel": "QtWidgets",
    "QLayout": "QtWidgets",
    "QLayoutItem": "QtWidgets",
    "QLineEdit": "QtWidgets",
    "QListView": "QtWidgets",
    "QMainWindow": "QtWidgets",
    "QMenu": "QtWidgets",
    "QMessageBox": "QtWidgets",
    "QPlainTextEdit": "QtWidgets",
    "QProgressBar": "QtWidgets",
    "QProxyStyle": "QtWidgets",
    "QPushButton": "QtWidgets",
    "QSizePolicy": "QtWidgets",
    "QSpinBox": "QtWidgets",
    "QSplitter": "QtWidgets",
    "QStackedWidget": "QtWidgets",
    "QStatusBar": "QtWidgets",
    "QStyle": "QtWidgets",
    "QStyleOptionViewItem": "QtWidgets",
    "QStyledItemDelegate": "QtWidgets",
    "QTabWidget": "QtWidgets",
    "QTableView": "QtWidgets",
    "QTableWidget": "QtWidgets",
    "QTableWidgetItem": "QtWidgets",
    "QTextBrowser": "QtWidgets",
    "QToolBar": "QtWidgets",
    "QToolButton": "QtWidgets",
    "QTreeView": "QtWidgets",
    "QTreeWidget": "QtWidgets",
    "QTreeWidgetItem": "QtWidgets",
    "QVBoxLayout": "QtWidgets",
    "QWidget": "QtWidgets",
    "QWidgetItem": "QtWidgets",
    # QtCharts
    "QBarCategoryAxis": "QtCharts",
    "QBarSeries": "QtCharts",
    "QBarSet": "QtCharts",
    "QChart": "QtCharts",
    "QChartView": "QtCharts",
    "QDateTimeAxis": "QtCharts",
    "QLineSeries": "QtCharts",
    "QValueAxis": "QtCharts",
    # QtPdf
    "QPdfDocument": "QtPdf",
    "QPdfSearchModel": "QtPdf",
    # QtPdfWidgets
    "QPdfView": "QtPdfWidgets",
    # QtPrintSupport
    "QPrintPreviewDialog": "QtPrintSupport",
    "QPrinter": "QtPrintSupport",
    # QtTest
    "QTest": "QtTest",
}


def __getattr__(name: str) -> object:
    """Import ``name`` from its Qt module and keep it here (later lookups are plain)."""
    module = QT_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'caseorg_ui.qt' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"PySide6.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *QT_NAMES])


__all__ = sorted(QT_NAMES)
