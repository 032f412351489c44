"""Help ▸ Keyboard shortcuts: a small sheet listing every key the app answers to.

The menu part is read from the menu bar's own QActions each time the sheet opens, so it
always shows the shortcuts that really work (and Qt shows them in the menus too). Keys that
belong to a page and have no menu action (the Training page's Space, → and R) are listed in
``page_keys``; a test checks them against the page's QShortcuts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


def page_keys() -> list[tuple[str, str, QKeySequence]]:
    """(page, what the key does, key) for the keys a page handles itself."""
    training = QCoreApplication.translate("ShortcutsDialog", "Training")
    return [
        (training, QCoreApplication.translate("ShortcutsDialog", "Play / pause training"),
         QKeySequence(Qt.Key.Key_Space)),
        (training, QCoreApplication.translate("ShortcutsDialog", "One training step"),
         QKeySequence(Qt.Key.Key_Right)),
        (training, QCoreApplication.translate("ShortcutsDialog", "Reset the network"),
         QKeySequence(Qt.Key.Key_R)),
    ]


def action_text(action: QAction) -> str:
    """A menu entry's text without its mnemonic and trailing dots: "Save Session As"."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu path, entry, keys) for every menu entry with a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {action_text(action)}")
                continue
            keys = [k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                rows.append((path, action_text(action), ", ".join(keys)))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), action_text(top))
    return rows


class ShortcutsDialog(QDialog):
    """Two columns, what and which keys, grouped by menu and then by page."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))

        intro = QLabel(self.tr(
            "These keys work anywhere in the window unless a page is named. Page keys work "
            "while that page is shown and no text field has the keyboard."), self)
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._fill(menu_bar)
        # Tall enough for every row where the screen allows; it scrolls otherwise.
        height = rows.length() + header.sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setMinimumHeight(min(height, 560))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _fill(self, menu_bar: QMenuBar) -> None:
        group = None
        for path, text, keys in menu_shortcuts(menu_bar):
            if path != group:
                group = path
                self._add_heading(path)
            self._add_row(text, keys)
        group = None
        for page, text, key in page_keys():
            if page != group:
                group = page
                self._add_heading(self.tr("{0} page").format(page))
            self._add_row(text, key.toString(NATIVE))

    def _add_heading(self, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, 2)

    def _add_row(self, text: str, keys: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem("    " + text))
        self.table.setItem(row, 1, QTableWidgetItem(keys))

    def rows(self) -> list[tuple[str, str]]:
        """The table's (action, keys) rows, headings left out; for tests."""
        out = []
        for r in range(self.table.rowCount()):
            keys = self.table.item(r, 1)
            if keys is not None:
                out.append((self.table.item(r, 0).text().strip(), keys.text()))
        return out
