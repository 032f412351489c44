"""Small decision-boundary tiles, one per activation (the run of its first seed).

Each tile colours the input plane by the network's output exactly as the Training page does
(orange through white to blue for two classes and for regression, a blend of the class colours
for more classes), with the training points on top, and is titled with the activation's name
in its own colour. Per frame only the images change.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGridLayout, QSizePolicy, QWidget

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.engine import datasets
from actgui.ui import theme
from actgui.ui.compare_controller import MAX_ACTIVATIONS
from actgui.ui.views.boundary_view import (
    CLASS_COLORS,
    EDGE,
    blend_classes,
    diverging_rgb,
    lighten,
)
from actgui.ui.views.compare_common import activation_label

_LUT = np.round(lighten(diverging_rgb(np.linspace(0.0, 1.0, 256))) * 255).astype(np.ubyte)
POINT_SIZE = 6.0
TITLE_HEIGHT = 30  # pixels, about


class _Image(pg.ImageItem):
    """Drawn with bilinear smoothing: a 64 x 64 grid reads as a smooth field on a tile."""

    def paint(self, painter, *args):
        painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, True)
        super().paint(painter, *args)


class _Tile:
    def __init__(self, index: int, parent: QWidget):
        self.widget = pg.PlotWidget(parent=parent)
        self.widget.setObjectName(f"compareTile{index}")
        self.widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.widget.setMinimumSize(100, 100)
        item = self.item = self.widget.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.hideAxis("left")
        item.hideAxis("bottom")
        vb = self.view_box = item.getViewBox()
        vb.setAspectLocked(True, ratio=1.0)
        lo, hi = datasets.DOMAIN
        vb.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.02)
        vb.disableAutoRange()
        frame = QGraphicsRectItem(QRectF(lo, lo, hi - lo, hi - lo))  # the domain's edge
        pen = QPen(QColor("#8C99A6"), 1.0)
        pen.setCosmetic(True)
        frame.setPen(pen)
        frame.setZValue(20)
        vb.addItem(frame)
        self.image = _Image(axisOrder="row-major")
        self.image.setZValue(-10)
        vb.addItem(self.image)
        pen = QPen(QColor(EDGE), 0.8)
        pen.setCosmetic(True)
        self.points = pg.ScatterPlotItem(pxMode=True, size=POINT_SIZE, pen=pen)
        vb.addItem(self.points)
        self.res = 0
        self.array: np.ndarray | None = None  # the values last drawn, [row = x2, col = x1]
        self.title = ""  # the full title (the note is left out when the tile is too narrow)
        self.title_args: tuple | None = None  # what _set_title was last given
        self.title_key = None  # (title, width) it was last fitted to


class BoundaryTiles(QWidget):
    """Up to four tiles, in the grid (one row, one column or 2 x 2) that makes them largest
    in the space the page gives."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("compareTiles")
        self.tiles = [_Tile(i, self) for i in range(MAX_ACTIVATIONS)]
        for t in self.tiles:
            t.widget.setToolTip(self.tr(
                "What each network predicts over the input plane, for its first seed: blue "
                "and orange are the two classes, pale where the network is unsure. Dots are "
                "the training points. Same data, same starting weights; only the activation "
                "differs."))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        self._names: tuple[str, ...] = ()
        self._cols = 0
        self._points_key = None
        self._kind = ""

    def plot_widgets(self) -> list:
        return [t.widget for t in self.tiles]

    def set_frame(self, frame) -> None:
        names = frame.activations
        if names != self._names:
            self._names = names
            self._layout()
        kind = frame.output_kind
        if kind != self._kind:
            self._kind = kind
            for t in self.tiles:
                t.image.setLookupTable(None if kind == "softmax" else _LUT)
        self._draw_points(frame)
        seed = frame.seeds[0]
        for g, name in enumerate(names):
            tile = self.tiles[g]
            self._draw_image(tile, frame.boundaries[g], frame.resolution)
            diverged = frame.diverged_at[g * len(frame.seeds)]
            self._set_title(tile, name, seed, len(frame.seeds), diverged)

    def _best_columns(self) -> int:
        n = len(self._names)
        if n == 0:
            return 1
        w, h = max(self.width(), 1), max(self.height(), 1)

        def side(cols: int) -> float:  # the square left under each tile's title
            rows = -(-n // cols)
            return min(w / cols, h / rows - TITLE_HEIGHT)

        return max(sorted({1, 2, n}), key=side)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._names and self._best_columns() != self._cols:
            self._layout()
        QTimer.singleShot(0, self._refit_titles)  # once the tiles have their new widths

    def _refit_titles(self) -> None:
        for tile in self.tiles[:len(self._names)]:
            if tile.title_args is not None:
                self._set_title(tile, *tile.title_args)

    def _layout(self) -> None:
        for t in self.tiles:
            self.grid.removeWidget(t.widget)
            t.widget.hide()
        self._cols = cols = self._best_columns()
        for g in range(len(self._names)):
            tile = self.tiles[g]
            self.grid.addWidget(tile.widget, g // cols, g % cols)
            tile.widget.show()

    def _draw_image(self, tile: _Tile, out: np.ndarray, res: int) -> None:
        if self._kind == "softmax":
            rgb = blend_classes(out.reshape(res, res, -1))
            tile.array = rgb
            tile.image.setImage(np.round(rgb * 255).astype(np.ubyte), levels=(0, 255),
                                autoLevels=False)
        else:
            values = out[:, 0].reshape(res, res)
            tile.array = values
            levels = (0.0, 1.0) if self._kind == "sigmoid" else (-1.0, 1.0)
            tile.image.setImage(values, levels=levels, autoLevels=False)
        if res != tile.res:  # setRect scales by the image size, so it follows setImage
            tile.res = res
            lo, hi = datasets.DOMAIN
            tile.image.setRect(QRectF(lo, lo, hi - lo, hi - lo))

    def _draw_points(self, frame) -> None:
        x, y = frame.x_train, frame.y_train
        key = (self._kind, x.shape)
        if key == self._points_key and np.array_equal(x, self._points[0]) \
                and np.array_equal(y, self._points[1]):
            return
        self._points_key, self._points = key, (x, y)
        if self._kind == "linear":
            rgb = diverging_rgb((np.clip(y, -1.0, 1.0) + 1.0) * 0.5)
            brushes = [QBrush(QColor.fromRgbF(*(float(c) for c in v))) for v in rgb]
        else:
            table = [QBrush(QColor(c)) for c in CLASS_COLORS]
            brushes = [table[min(int(k), len(table) - 1)] for k in y]
        for t in self.tiles:
            t.points.setData(pos=x, brush=brushes)

    def _set_title(self, tile: _Tile, name: str, seed: int, n_seeds: int,
                   diverged: int | None) -> None:
        note = self.tr("seed {0}").format(seed) if n_seeds == 1 else \
            self.tr("seed {0}, first of {1}").format(seed, n_seeds)
        if diverged is not None:
            note = self.tr("diverged at step {0}").format(f"{diverged:,}")
        color = theme.activation_color(name).name()
        name_html = f"<b>{activation_label(name)}</b>"
        text = f"{name_html}<span style='color:#5B6B7B; font-size:9pt'>&nbsp;&nbsp;{note}</span>"
        tile.title_args = (name, seed, n_seeds, diverged)
        width = tile.widget.width()
        if (text, width) == tile.title_key:
            return
        tile.title, tile.title_key = text, (text, width)
        tile.item.setTitle(text, color=color, size="12pt")
        # A centred title wider than its tile is cut at both ends: keep the name whole (the
        # table beside says which runs diverged; the seed note says which seed is drawn).
        if tile.item.titleLabel.item.boundingRect().width() > width - 8:
            tile.item.setTitle(name_html, color=color, size="12pt")

    def image_array(self, index: int) -> np.ndarray | None:
        """Values last drawn in tile `index` ([row = x2 step, col = x1 step], row 0 at the
        bottom): class-1 probability, regression output, or RGB for several classes."""
        return self.tiles[index].array

