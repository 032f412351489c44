"""Small widgets that keep a page whole in a narrow window, shared by the pages.

A QSplitter (and a scroll area) sizes its children by their minimum size hints only: it never
asks a child for its height at a given width, so wrapped text got one line's height and was
drawn over its neighbours, and a row that needed more width than it had was cut off. These
widgets report the size they really need at their current width, or rearrange themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget


class FitHeight(QWidget):
    """A widget whose minimum height is what its layout needs at its current width (with
    its wrapped texts wrapped to that width)."""

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            hint.setHeight(max(hint.height(), layout.totalMinimumHeightForWidth(self.width())))
        return hint

    def sizeHint(self):  # noqa: N802 (Qt override)
        return super().sizeHint().expandedTo(self.minimumSizeHint())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False  # the minimum height follows the width instead

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # e.g. a new text that wraps
            self.updateGeometry()
        return super().event(event)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it has less width than its text needs,
    instead of showing a cut-off fragment."""

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter = QPainter(self)
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                  self.isEnabled(), text, self.foregroundRole())


class CompactRow(QFrame):
    """A row of controls that hides its `optional` widgets (captions a tooltip repeats)
    when it is too narrow for all of them, so no control is cut off. Fill its layout,
    then call `measure`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.optional: list[QWidget] = []
        self._widths = (0, 0)  # the minimum widths with and without the optional widgets

    def measure(self) -> None:
        layout = self.layout()
        hidden = [w.isHidden() for w in self.optional]
        for w in self.optional:
            w.show()
        layout.invalidate()
        full = layout.minimumSize().width()
        for w in self.optional:
            w.hide()
        layout.invalidate()
        self._widths = (full, layout.minimumSize().width())
        for w, was_hidden in zip(self.optional, hidden, strict=True):
            w.setHidden(was_hidden)
        layout.invalidate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and (
                self.layout() is not None):
            self.measure()
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        wide = self.width() >= self._widths[0]
        for w in self.optional:
            if w.isHidden() == wide:
                w.setVisible(wide)

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        hint.setWidth(self._widths[1])
        return hint


class TwoPartRow(QWidget):
    """Two groups of widgets: side by side (the first at the left, the second at the right)
    when the row is wide enough for both, else the second under the first."""

    def __init__(self, first: list[QWidget], second: list[QWidget], parent=None):
        super().__init__(parent)
        self._groups = []
        for widgets in (first, second):
            group = QWidget()
            h = QHBoxLayout(group)
            h.setContentsMargins(0, 0, 0, 0)
            for w in widgets:
                h.addWidget(w)
            self._groups.append(group)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 0, 4, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self._rows = 0
        self._arrange(1)

    def rows(self) -> int:
        return self._rows

    def _arrange(self, rows: int) -> None:
        if rows == self._rows:
            return
        self._rows = rows
        first, second = self._groups
        self._grid.removeWidget(first)
        self._grid.removeWidget(second)
        self._grid.addWidget(first, 0, 0, Qt.AlignmentFlag.AlignLeft)
        if rows == 1:
            self._grid.addWidget(second, 0, 2, Qt.AlignmentFlag.AlignRight)
        else:
            self._grid.addWidget(second, 1, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        self.updateGeometry()

    def _margins(self) -> int:
        m = self._grid.contentsMargins()
        return m.left() + m.right()

    def one_row_width(self) -> int:
        first, second = (g.minimumSizeHint().width() for g in self._groups)
        return first + 2 * self._grid.horizontalSpacing() + second + self._margins()

    def _fit(self) -> None:
        self._arrange(1 if self.width() >= self.one_row_width() else 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # e.g. a group's texts changed
            self._fit()
        return super().event(event)

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        hint.setWidth(max(g.minimumSizeHint().width() for g in self._groups)
                      + self._margins())
        return hint

