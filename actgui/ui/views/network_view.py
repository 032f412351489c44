"""The network diagram of the live training page, like TensorFlow Playground's but truer.

Every node is a small heatmap of its output over the input plane (x2 up); links are coloured
by the sign of their weight and as wide as its size; every unit, the outputs included, shows
its bias as a small square at its lower left; dead units get a red outline and a cross, and
saturating ones a reddish-purple ring as strong as their saturated share.

Scene items are built only when the architecture changes; a frame only swaps images, regroups
the link pens and updates a few texts. The links between two columns are one item that draws
them all in a few drawLines calls (hundreds of line items cost several times more to paint).
Tooltips are written when asked for, not every frame. The scene is laid out in viewport
pixels, unscaled, so text keeps a readable size and the nodes grow with the window; only a
view smaller than `LAYOUT_MIN` (a narrow window) is laid out at that size and scaled down to
fit, so nothing overlaps there.

The colour helpers and the scene items live in `network_items`.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QInputDialog,
    QToolTip,
)

from actgui.engine import datasets
from actgui.engine.config import MAX_HIDDEN_LAYERS, MAX_UNITS
from actgui.ui import theme
from actgui.ui.i18n import activation_label
from actgui.ui.views.network_items import (
    MINUS,
    MUTED,
    SATURATED_TEXT,
    TEXT,
    Button,
    Legend,
    Links,
    Node,
    grid_images,
    output_levels,
    place_text,
    qimage,
)
from actgui.ui.views.network_tips import NetworkTips

NEW_LAYER_UNITS = 4  # units of an added hidden layer when there is none to copy
LAYOUT_MIN = (340.0, 280.0)  # smallest scene the diagram is laid out for; scaled below that
VIEW_MIN = (150, 140)  # the widget's minimum size: a narrow window shows it scaled down


# -- the view -----------------------------------------------------------------------------------

class NetworkView(NetworkTips, QGraphicsView):
    """The network as a diagram. Unit layers are indexed like snapshot.z: hidden layers
    0..H-1, then the output layer H; link layer l is snapshot.weights[l] (column l to l+1)."""

    feature_toggled = Signal(str, bool)
    hidden_changed = Signal(tuple)
    weight_edited = Signal(int, int, int, float)
    unit_clicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor(theme.ink("#FFFFFF")))
        self.setMinimumSize(*VIEW_MIN)
        self._snap = None
        self._arch = None
        self._res = None
        self._images: list[np.ndarray] = []  # buffers the QImages of the nodes point into
        self._reset_items()

    def _reset_items(self) -> None:
        self._features: dict[str, Node] = {}
        self._feature_labels: dict[str, QGraphicsTextItem] = {}
        self._nodes: list[list[Node]] = []  # [layer][unit], the output layer last
        self._links: list[Links] = []
        self._titles: list[QGraphicsSimpleTextItem] = []  # per column
        self._subtitles: list[QGraphicsSimpleTextItem] = []  # unit counts, then output kind
        self._warnings: list[QGraphicsSimpleTextItem] = []  # per hidden layer
        self._unit_buttons: list[tuple[Button, Button]] = []
        self._out_labels: list[QGraphicsSimpleTextItem] = []
        self._layer_buttons: tuple[Button, Button] | None = None
        self._layer_count: QGraphicsSimpleTextItem | None = None
        self._legend: Legend | None = None

    # -- public ------------------------------------------------------------------------------

    def set_snapshot(self, snapshot) -> None:
        c = snapshot.config
        arch = (c.features, c.hidden, tuple(c.hidden_activations), c.output_kind, c.n_outputs)
        if arch != self._arch:
            self._arch = arch
            self._build()
        self._snap = snapshot
        if snapshot.resolution != self._res:
            self._res = snapshot.resolution
            self._update_inputs()
        self._update_units(snapshot)
        for l, links in enumerate(self._links):
            links.set_weights(snapshot.weights[l])
        self._update_warnings(snapshot)

    def unit_state(self, layer: int, unit: int) -> dict:
        """What a unit's node shows (output units are never marked dead or saturated)."""
        n = self._nodes[layer][unit]
        return {"dead": n.dead, "saturated": n.saturated, "saturation": n.saturation}

    def link_weight(self, layer: int, i: int, j: int) -> float:
        return float(self._links[layer].weights[i, j])

    def node_item(self, layer: int, unit: int) -> Node:
        return self._nodes[layer][unit]

    def feature_item(self, name: str) -> Node:
        return self._features[name]

    def node_image(self, layer: int, unit: int) -> np.ndarray:
        """The RGB colours (h, w, 3) drawn in a unit's node, row 0 at the top."""
        return self._images[layer][unit][..., 2::-1]

    def link_point(self, layer: int, i: int, j: int, t: float = 0.5) -> QPointF:
        """A scene point on a link, t of the way from its source."""
        return self._links[layer].point(i, j, t)

    def link_at(self, pos: QPointF) -> tuple[int, int, int] | None:
        """(layer, i, j) of the link a click at scene position pos would hit."""
        for item in self.scene().items(pos):
            if isinstance(item, Links):
                hit = item.hit(pos)
                if hit is not None:
                    return (item.layer, *hit)
            elif isinstance(item, Node):
                return None
        return None

    def unit_buttons(self, layer: int) -> tuple[Button, Button]:
        """The (−, +) buttons of a hidden layer's unit count."""
        return self._unit_buttons[layer]

    def layer_buttons(self) -> tuple[Button, Button]:
        return self._layer_buttons

    def warning_text(self, layer: int) -> str:
        w = self._warnings[layer]
        return w.text() if w.isVisible() else ""

    def tooltip(self, key: tuple) -> str:
        """The tooltip of ("input", name), ("unit", l, j), ("bias", l, j), ("link", l, i, j)."""
        kind, *idx = key
        return getattr(self, f"_tip_{kind}")(*idx)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        features, hidden, acts, output_kind, n_out = self._arch
        self.scene().clear()
        self._reset_items()
        self._res = None
        add = self.scene().addItem
        for name in datasets.FEATURES:
            node = self._features[name] = Node(("input", name), self._node_clicked)
            node.active = name in features
            add(node)
            label = self._feature_labels[name] = QGraphicsTextItem()
            label.document().setDocumentMargin(0.0)
            label.setHtml(datasets.feature_label(name))
            label.setDefaultTextColor(QColor(theme.ink(TEXT if node.active else MUTED)))
            label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            label.key = node.key  # hovering the label explains the input too
            add(label)
        sizes = [len(features), *hidden, n_out]
        for l, n in enumerate(sizes[1:]):
            self._links.append(Links(l, (sizes[l], n), self._link_clicked))
            add(self._links[-1])
            self._nodes.append([Node(("unit", l, j), self._node_clicked) for j in range(n)])
            for node in self._nodes[-1]:
                add(node)
        self._titles = [self._text(t, bold=True) for t in
                        (self.tr("Inputs"), *map(activation_label, acts), self.tr("Output"))]
        for l, title in enumerate(self._titles[1:-1]):
            title.setToolTip(self.tr("Activation of hidden layer {0}: {1}").format(
                l + 1, title.text()))
        self._titles[0].setToolTip(self.tr(
            "What the network is given about each point. Click a square to turn that input "
            "on or off."))
        self._titles[-1].setToolTip(self.tr(
            "What the network answers at each point of the plane."))
        for l, n in enumerate(hidden):
            minus = Button(MINUS, lambda l=l: self._change_units(l, -1))
            plus = Button("+", lambda l=l: self._change_units(l, +1))
            minus.set_enabled(n > 1, self.tr("Remove a unit from layer {0}").format(l + 1),
                              self.tr("A layer needs at least one unit"))
            plus.set_enabled(n < MAX_UNITS, self.tr("Add a unit to layer {0}").format(l + 1),
                             self.tr("At most {0} units per layer").format(MAX_UNITS))
            self._unit_buttons.append((minus, plus))
            add(minus)
            add(plus)
            self._subtitles.append(self._text(""))
            self._warnings.append(self._text("", bold=True))
            self._warnings[-1].setVisible(False)
        kind = self._text({"sigmoid": self.tr("sigmoid"), "softmax": self.tr("softmax"),
                           "linear": self.tr("linear")}[output_kind])
        kind.setBrush(QColor(theme.ink(MUTED)))
        self._subtitles.append(kind)
        minus = Button(MINUS, lambda: self._change_layers(-1))
        plus = Button("+", lambda: self._change_layers(+1))
        minus.set_enabled(bool(hidden), self.tr("Remove the last hidden layer"),
                          self.tr("There are no hidden layers to remove"))
        plus.set_enabled(len(hidden) < MAX_HIDDEN_LAYERS, self.tr("Add a hidden layer"),
                         self.tr("At most {0} hidden layers").format(MAX_HIDDEN_LAYERS))
        self._layer_buttons = (minus, plus)
        add(minus)
        add(plus)
        self._layer_count = self._text(
            self.tr("1 hidden layer") if len(hidden) == 1
            else self.tr("{0} hidden layers").format(len(hidden)), bold=True)
        if output_kind == "softmax":
            outs = [self.tr("P(class {0})").format(k) for k in range(n_out)]
        else:
            outs = [self.tr("P(class 1)") if output_kind == "sigmoid" else self.tr("prediction")]
        self._out_labels = [self._text(t) for t in outs]
        self._legend = Legend({
            "value": self.tr("unit output"), "dead": self.tr("dead"),
            "saturated": self.tr("saturated"), "bias": self.tr("bias"),
            "prob": self.tr("(output: probability 0 … 1)") if output_kind == "sigmoid" else ""})
        self._legend.setToolTip(self.tr(
            "Each square shows what its unit outputs at every point of the input plane "
            "(x<sub>1</sub> to the right, x<sub>2</sub> up): orange negative, white 0, blue "
            "positive, full colour from ±1 on. The sigmoid output shows the probability of "
            "class 1: orange near 0, white at 0.5, blue near 1.<br>Links: blue for positive "
            "and orange for negative weights, thicker when larger. The small square at the "
            "lower left of a unit is its bias.<br>A red cross marks a dead unit (its slope is "
            "0 on every training point); a purple ring grows with the share of training "
            "points on which a unit saturates."))
        add(self._legend)
        self._images = []
        self._layout()

    def _text(self, text: str, bold: bool = False) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        item.setBrush(QColor(theme.ink(TEXT)))
        item.bold = bold
        item.full = text  # before any eliding
        item.where = item.texts = None  # warnings: placement and the texts to choose from
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.scene().addItem(item)
        return item

    # -- layout -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        if self._arch is None:
            return
        vp = self.viewport().rect()
        w, h = float(max(vp.width(), 1)), float(max(vp.height(), 1))
        scale = min(1.0, w / LAYOUT_MIN[0], h / LAYOUT_MIN[1])
        W, H = w / scale, h / scale  # the scene fills the viewport exactly, at any scale
        self.setTransform(QTransform.fromScale(scale, scale))
        self.scene().setSceneRect(0, 0, W, H)
        font = QFont(self.font())
        font.setPixelSize(round(min(max(min(H / 38.0, W / 58.0), 13.0), 22.0)))
        bold = QFont(font)
        bold.setBold(True)
        fm, fmb = QFontMetricsF(font), QFontMetricsF(bold)
        for item in (*self._titles, *self._subtitles, *self._warnings, *self._out_labels,
                     self._layer_count):
            item.setFont(bold if item.bold else font)
        for label in self._feature_labels.values():
            label.setFont(font)
        line = fm.height() * 1.35
        pad = 0.6 * fm.height()
        legend_h = self._legend.height(font)
        feat_w = max(label.boundingRect().width() for label in self._feature_labels.values())
        out_w = max(fm.horizontalAdvance(t.text()) for t in self._out_labels)
        n_cols = len(self._nodes) + 1
        top = pad + 4.2 * line
        body = max(H - pad - legend_h - 0.5 * line - top, 40.0)
        left, right = pad + feat_w, W - pad - out_w - 6.0
        tallest = max(len(datasets.FEATURES), *(len(col) for col in self._nodes))
        s = max(min(body / (tallest * 1.28), 0.42 * (right - left) / (n_cols - 1), 96.0), 12.0)
        gap, badge = 0.28 * s, max(5.0, 0.2 * s)
        x0, x1 = left + s / 2 + badge + 4, right - s / 2 - 2
        xs = [x0 + (x1 - x0) * k / (n_cols - 1) for k in range(n_cols)]
        width = 0.96 * (x1 - x0) / (n_cols - 1)

        def column(n: int) -> np.ndarray:
            return top + (body - n * s - (n - 1) * gap) / 2 + np.arange(n) * (s + gap)

        ys = column(len(datasets.FEATURES))
        for k, name in enumerate(datasets.FEATURES):
            self._features[name].set_geometry(xs[0] - s / 2, ys[k], s, badge)
            label = self._feature_labels[name]
            br = label.boundingRect()
            label.setPos(xs[0] - s / 2 - 4 - br.width(), ys[k] + (s - br.height()) / 2)
        mids = [ys[[datasets.FEATURES.index(f) for f in self._arch[0]]] + s / 2]
        for l, col in enumerate(self._nodes):
            ys = column(len(col))
            for j, node in enumerate(col):
                node.set_geometry(xs[l + 1] - s / 2, ys[j], s, badge)
            mids.append(ys + s / 2)
        for l, links in enumerate(self._links):
            a = np.column_stack([np.full(len(mids[l]), xs[l] + s / 2), mids[l]])
            b = np.column_stack([np.full(len(mids[l + 1]), xs[l + 1] - s / 2), mids[l + 1]])
            links.set_geometry(a, b)
        # Header rows: layer count, column titles, unit counts, warnings. Each column's
        # texts stay within its band; the outer columns may use the margins as well.
        bands = [(xs[k] - width / 2, xs[k] + width / 2) for k in range(n_cols)]
        bands[0] = (pad, xs[1] - width / 2 - 4 if n_cols > 2 else (xs[0] + xs[1]) / 2)
        bands[-1] = (xs[-2] + width / 2 + 4 if n_cols > 2 else (xs[0] + xs[1]) / 2, W - pad)
        bs = round(fm.height() * 1.15)
        y_title = pad + line * 1.25
        y_sub = y_title + line
        for col, title in enumerate(self._titles):
            place_text(title, xs[col], y_title, bands[col])
        for l, (minus, plus) in enumerate(self._unit_buttons):
            x, n = xs[l + 1], len(self._nodes[l])
            long = self.tr("1 unit") if n == 1 else self.tr("{0} units").format(n)
            count = self._subtitles[l]
            count.setToolTip(long)
            count.full = next((t for t in (long, str(n)) if
                               fm.horizontalAdvance(t) + 2 * bs + 12 <= width), "")
            size = bs
            if not count.full:  # narrow columns: smaller buttons, then no count at all
                size = (width - fm.horizontalAdvance(str(n)) - 8) / 2
                count.full = str(n) if size >= 14 else ""
                size = max(min(bs, size if count.full else (width - 4) / 2), 10.0)
            place_text(count, x, y_sub + (size - fm.height()) / 2, bands[l + 1])
            half = fm.horizontalAdvance(count.text()) / 2 + (4 if count.full else 1)
            minus.set_geometry(x - half - size, y_sub, size, font)
            plus.set_geometry(x + half, y_sub, size, font)
            self._warnings[l].where = (x, y_sub + line, bands[l + 1])
            self._place_warning(l)
        place_text(self._subtitles[-1], xs[-1], y_sub + (bs - fm.height()) / 2, bands[-1])
        minus, plus = self._layer_buttons
        cx = (xs[1] + xs[-2]) / 2 if len(self._nodes) > 1 else (xs[0] + xs[-1]) / 2
        xl = cx - (2 * bs + 18 + fmb.horizontalAdvance(self._layer_count.text())) / 2
        minus.set_geometry(xl, pad, bs, font)
        plus.set_geometry(xl + bs + 8, pad, bs, font)
        self._layer_count.setPos(xl + 2 * bs + 18, pad + (bs - fmb.height()) / 2)
        ys = column(len(self._nodes[-1]))
        for k, label in enumerate(self._out_labels):
            label.setPos(xs[-1] + s / 2 + 6, ys[k] + (s - fm.height()) / 2)
        self._legend.set_geometry(pad, H - pad - legend_h, W - 2 * pad, font)

    def _place_warning(self, l: int) -> None:
        warn = self._warnings[l]
        if warn.where is None or not warn.texts:
            return
        x, y, band = warn.where
        fm = QFontMetricsF(warn.font())
        warn.full = next((t for t in warn.texts if fm.horizontalAdvance(t) <= band[1] - band[0]),
                         warn.texts[-1])
        place_text(warn, x, y, band)

    # -- per frame ----------------------------------------------------------------------------

    def _update_inputs(self) -> None:
        res = self._res
        values = datasets.features(datasets.grid(res), datasets.FEATURES)
        self._input_images = grid_images(values, res)
        for k, name in enumerate(datasets.FEATURES):
            self._features[name].set_image(qimage(self._input_images[k]))

    def _update_units(self, s) -> None:
        n_hidden = len(s.config.hidden)
        buffers = []
        for l, col in enumerate(self._nodes):
            centre, half = output_levels(s.config.output_kind) if l == n_hidden else (0.0, 1.0)
            images = grid_images(s.grid[l], s.resolution, centre, half)
            buffers.append(images)
            stats = s.diagnostics.layers[l] if l < n_hidden else None
            biases = s.biases[l]
            for j, node in enumerate(col):
                node.set_image(qimage(images[j]))
                if stats is not None:
                    node.set_state(bool(stats.dead[j]), bool(stats.saturated[j]),
                                   float(stats.saturation[j]))
                node.set_bias(float(biases[j]))
        self._images = buffers  # only now may the previous frame's buffers go

    def _update_warnings(self, s) -> None:
        for l, warn in enumerate(self._warnings):
            stats = s.diagnostics.layers[l]
            n, dead, sat = stats.dead.size, int(stats.dead.sum()), int(stats.saturated.sum())
            if stats.dead_warning:  # the longest that fits the column
                texts = (self.tr("{0}/{1} dead").format(dead, n),
                         self.tr("{0} dead").format(dead), self.tr("✕{0}").format(dead))
                color = theme.DEAD
            elif sat:
                texts = (self.tr("{0}/{1} saturated").format(sat, n),
                         self.tr("{0}/{1} sat.").format(sat, n), self.tr("{0} sat.").format(sat))
                color = SATURATED_TEXT
            else:
                texts, color = (), TEXT
            warn.setVisible(bool(texts))
            if texts != warn.texts:
                warn.texts = texts
                warn.setBrush(QColor(theme.ink(color)))
                warn.setToolTip(self.tr(
                    "Layer {0}: {1} of {2} units are dead (slope 0 on every training point) "
                    "and {3} saturate on at least half of the points.").format(l + 1, dead, n,
                                                                               sat))
                self._place_warning(l)

    # -- interaction --------------------------------------------------------------------------

    def _node_clicked(self, node: Node, _pos) -> None:
        kind, *idx = node.key
        if kind == "unit":
            self.unit_clicked.emit(*idx)
            return
        name, active = idx[0], self._arch[0]
        if name in active and len(active) == 1:
            where = self.mapFromScene(node.sceneBoundingRect().center())
            QToolTip.showText(self.viewport().mapToGlobal(where),
                              self.tr("At least one input must stay on."), self.viewport())
            return
        self.feature_toggled.emit(name, name not in active)

    def _link_clicked(self, links: Links, pos: QPointF) -> None:
        hit = links.hit(pos)
        if hit is None:
            return
        i, j = hit
        value = self._ask_weight(links.layer, i, j, float(links.weights[i, j]))
        if value is not None and math.isfinite(value):
            self.weight_edited.emit(links.layer, i, j, float(value))

    def _ask_weight(self, l: int, i: int, j: int, current: float) -> float | None:
        """Ask for a new weight (tests replace this); None when cancelled."""
        text = self.tr("New weight from {0} to {1}:").format(self._source(l, i),
                                                             self._target(l, j))
        value, ok = QInputDialog.getDouble(self, self.tr("Edit weight"), text, current,
                                           -100.0, 100.0, 3)
        return value if ok else None

    def _change_units(self, l: int, delta: int) -> None:
        hidden = list(self._arch[1])
        if 1 <= hidden[l] + delta <= MAX_UNITS:
            hidden[l] += delta
            self.hidden_changed.emit(tuple(hidden))

    def _change_layers(self, delta: int) -> None:
        hidden = list(self._arch[1])
        if delta > 0 and len(hidden) < MAX_HIDDEN_LAYERS:
            hidden.append(hidden[-1] if hidden else NEW_LAYER_UNITS)
        elif delta < 0 and hidden:
            hidden.pop()
        else:
            return
        self.hidden_changed.emit(tuple(hidden))
