"""Heatmap of the softmax Jacobian J[i, j] = ∂a_i/∂z_j, with a hover readout per cell.

Axis order: the ImageItem uses axisOrder='row-major', so ``image[i, j]`` is drawn at row i
(y from i to i + 1) and column j (x from j to j + 1), and the y axis is inverted so row 0 is
at the top, as in a printed matrix. The image *is* the Jacobian, untransposed: visual row i
shows how output a_i responds to each logit z_j; visual column j shows what nudging z_j does
to every output.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

import pyqtgraph as pg  # isort: skip  (PySide6 must be imported first)

from actgui.ui import theme
from actgui.ui.views.curve_notes import SteadyLabel
from actgui.ui.views.softmax_bars import (
    TEXT_DARK,
    TEXT_MUTED,
    BarLabel,
    Panel,
    cache_axis,
    fixed,
    fmt,
    make_plot,
    place,
    set_text,
    show,
)
from actgui.ui.views.softmax_controls import sub

MAX_CELL_TEXT = 6  # values are written in the cells up to a 6 x 6 matrix


def diverging_colormap() -> pg.ColorMap:
    """NEGATIVE (orange) → white → POSITIVE (blue); with symmetric levels, 0 is white."""
    return pg.ColorMap(pos=[0.0, 0.5, 1.0], color=[theme.NEGATIVE, "#FFFFFF", theme.POSITIVE])


def colour_limit(t: float) -> float:
    """No entry of the Jacobian can exceed 1/(4T) in size (a(1 - a) peaks at a = 1/2)."""
    return 0.25 / t


class JacobianView(Panel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = make_plot("jacobianView", self.tr("output aᵢ  (row i)"),
                              self.tr("logit zⱼ  (column j)"))
        self.set_body(self.tr("Jacobian ∂aᵢ/∂zⱼ"), self.plot)
        item = self.plot.getPlotItem()
        item.invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setImage(np.zeros((2, 2)), autoLevels=False, levels=(-0.25, 0.25))
        item.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(-0.25, 0.25), colorMap=diverging_colormap(),
                                        interactive=False, width=12)
        self.colorbar.setImageItem(self.image, insert_in=item)
        self.colorbar.axis.enableAutoSIPrefix(False)
        cache_axis(self.colorbar.axis)
        self.cell_text = [BarLabel((0.5, 0.5), size=8) for _ in range(MAX_CELL_TEXT ** 2)]
        for t in self.cell_text:
            item.addItem(t, ignoreBounds=True)
        self.hover_box = QGraphicsRectItem(QRectF(0, 0, 1, 1))
        pen = QPen(QColor("#111111"), 2)
        pen.setCosmetic(True)
        self.hover_box.setPen(pen)
        self.hover_box.setZValue(20)
        self.hover_box.setVisible(False)
        item.addItem(self.hover_box)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.hint = self.tr("Point at a cell to see which formula gives it and its value.")
        self.plot.setToolTip(self.hint)
        self.caption.setText(self.hint)
        self.footer = SteadyLabel()  # its number changes with every control change
        self.footer.setTextFormat(Qt.TextFormat.RichText)
        self.footer.setWordWrap(True)
        self.footer.setToolTip(self.tr(
            "Adding up each row, and each column, of the Jacobian gives 0 up to rounding: "
            "this is the largest of those sums."))
        self._layout.addWidget(self.footer.holder)
        self.hover: tuple[int, int] | None = None
        self.p = np.full(2, 0.5)
        self.t = 1.0
        self.jac = np.zeros((2, 2))
        self._k = None
        self._limit = None

    # -- drawing ---------------------------------------------------------------------------
    def update_view(self, p: np.ndarray, jac: np.ndarray, t: float) -> None:
        k = len(p)
        self.p, self.jac, self.t = p, jac, t
        item = self.plot.getPlotItem()
        limit = colour_limit(t)
        if limit != self._limit:
            self._limit = limit
            # The bar's scale only: setImage below applies the levels to the image, and
            # letting the colour bar do it as well rendered the image twice.
            self.colorbar.setLevels((-limit, limit), update_items=False)
            self.set_readout(self.tr("colour scale ±1/(4T) = ±{limit}")
                                 .format(limit=fmt(limit, 3)))
        self.image.setImage(jac, autoLevels=False, levels=(-limit, limit))
        if k != self._k:
            self._k = k
            item.setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
            ticks = [[(i + 0.5, str(i)) for i in range(k)]]
            item.getAxis("bottom").setTicks(ticks)
            item.getAxis("left").setTicks(ticks)
            if self.hover is not None and max(self.hover) >= k:
                self._set_hover(None)
        show_text = k <= MAX_CELL_TEXT
        n = 0
        if show_text:
            for i in range(k):
                for j in range(k):
                    v = jac[i, j]
                    colour = "#FFFFFF" if v > 0.55 * limit else "#1A1A1A"
                    cell = self.cell_text[n]
                    set_text(cell, fixed(v, 3), colour)
                    place(cell, j + 0.5, i + 0.5)
                    show(cell, True)
                    n += 1
        for cell in self.cell_text[n:]:
            if cell.isVisible():
                cell.setVisible(False)
        worst = max(np.abs(jac.sum(axis=1)).max(), np.abs(jac.sum(axis=0)).max())
        self.footer.setText(self.tr("Every row and every column sums to 0, up to rounding "
                                    "error (at most <b>{worst}</b>).").format(worst=fmt(worst, 1)))
        if self.hover is not None:
            self._show_cell(*self.hover)

    # -- hover -----------------------------------------------------------------------------
    def cell_description(self, i: int, j: int) -> str:
        """Which rule gives J[i, j], with the numbers put in, as one line of plain text."""
        ai, aj, v = self.p[i], self.p[j], self.jac[i, j]
        if i == j:
            text = self.tr("∂a{i}/∂z{i} = a{i}(1 − a{i}) / T = {ai} × {bi} / {t} = {v}"
                           "   — on the diagonal (i = j)")
            return text.format(i=sub(i), ai=fmt(ai), bi=fmt(1.0 - ai), t=fmt(self.t, 3),
                               v=fmt(v))
        text = self.tr("∂a{i}/∂z{j} = −a{i}·a{j} / T = −{ai} × {aj} / {t} = {v}"
                       "   — off the diagonal (i ≠ j)")
        return text.format(i=sub(i), j=sub(j), ai=fmt(ai), aj=fmt(aj), t=fmt(self.t, 3),
                           v=fmt(v))

    def hover_text(self) -> str:
        return self.caption.text()

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        """The (row i, column j) under a scene position, or None outside the matrix."""
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        k = len(self.p)
        i, j = int(np.floor(point.y())), int(np.floor(point.x()))
        if 0 <= i < k and 0 <= j < k:
            return i, j
        return None

    def _mouse_moved(self, scene_pos) -> None:
        cell = self.cell_at(scene_pos)
        if cell is not None and cell != self.hover:
            self._set_hover(cell)

    def _set_hover(self, cell) -> None:
        self.hover = cell
        if cell is None:
            self.hover_box.setVisible(False)
            self.caption.setText(self.hint)
            self.caption.setStyleSheet(f"color: {TEXT_MUTED};")
            self.plot.setToolTip(self.hint)
            return
        self.caption.setStyleSheet(f"color: {TEXT_DARK};")
        self._show_cell(*cell)

    def _show_cell(self, i: int, j: int) -> None:
        self.hover_box.setRect(QRectF(j, i, 1, 1))
        self.hover_box.setVisible(True)
        text = self.cell_description(i, j)
        self.caption.setText(text)
        self.plot.setToolTip(text)

