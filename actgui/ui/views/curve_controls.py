"""Controls of the curve explorer: the activation list, z range, parameter and overlay toggles
(left column), and the probe panel with its readout table (right column).

These widgets hold no state of their own beyond what Qt keeps; the page connects them.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSlider,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actgui.engine import activations as act
from actgui.ui import theme
from actgui.ui.i18n import activation_label
from actgui.ui.views.curve_notes import SteadyLabel, tabular_digits, text_shape

SLIDER_STEPS = 1000


def line_icon(name: str) -> QIcon:
    """A short sample of the activation's pen (colour and dash), for lists and tables."""
    pix = QPixmap(28, 14)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.activation_pen(name, 3.0))
    painter.drawLine(2, 7, 26, 7)
    painter.end()
    return QIcon(pix)


def make_spin(name, lo, hi, value, step, tip, decimals=1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(decimals)
    spin.setRange(lo, hi)
    spin.setSingleStep(step)
    spin.setValue(value)
    spin.setToolTip(tip)
    return spin


def _check(name, text, on, tip) -> QCheckBox:
    box = QCheckBox(text)
    box.setObjectName(name)
    box.setChecked(on)
    box.setToolTip(tip)
    return box


def _result(name) -> SteadyLabel:
    label = SteadyLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setIndent(22)
    label.setStyleSheet("color: #444;")
    label.setVisible(False)
    return label


class CurveControls(QScrollArea):
    """The left column."""

    def __init__(self, shown: tuple[str, ...], z_range: tuple[float, float], z_limit: float,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("activationControls")
        box = QGroupBox(self.tr("Activations"))
        self.activation_list = QListWidget()
        self.activation_list.setObjectName("activationList")
        self.activation_list.setToolTip(self.tr(
            "Tick an activation to draw it. Select a row to see its formula, tune its "
            "parameter and shade its zones."))
        self.activation_list.setIconSize(QSize(28, 14))
        for name in act.names():
            item = QListWidgetItem(line_icon(name), activation_label(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in shown
                               else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Tick to draw {name}; select to inspect it.").format(
                name=activation_label(name)))
            self.activation_list.addItem(item)
        rows = self.activation_list.count()
        self.activation_list.setMinimumHeight(self.activation_list.sizeHintForRow(0) * rows + 6)
        QVBoxLayout(box).addWidget(self.activation_list)

        range_box = QGroupBox(self.tr("z range"))
        lo, hi = z_range
        self.z_min = make_spin("zMin", -z_limit, hi - 1, lo, 1, self.tr("Left end of the z axis."))
        self.z_max = make_spin("zMax", lo + 1, z_limit, hi, 1, self.tr("Right end of the z axis."))
        self.z_reset = QToolButton()
        self.z_reset.setText("↺")
        self.z_reset.setToolTip(self.tr("Reset the range to z from {lo} to {hi}.").format(
            lo=f"{lo:g}".replace("-", "−"), hi=f"{hi:g}"))
        row = QHBoxLayout(range_box)
        row.addWidget(self.z_min, 1)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.z_max, 1)
        row.addWidget(self.z_reset)

        param_box = QGroupBox(self.tr("Parameter"))
        self.param_slider = QSlider(Qt.Orientation.Horizontal)
        self.param_slider.setObjectName("paramSlider")
        self.param_slider.setRange(0, SLIDER_STEPS)
        self.param_value = SteadyLabel()
        self.param_value.setObjectName("paramValue")
        self.param_value.setToolTip(self.tr("Current value of the parameter."))
        self.param_reset = QPushButton(self.tr("Default"))
        self.param_reset.setToolTip(self.tr("Set the parameter back to its default."))
        self.param_value.setWordWrap(True)
        grid = QVBoxLayout(param_box)
        grid.addWidget(self.param_value.holder)
        bottom = QHBoxLayout()
        bottom.addWidget(self.param_slider, 1)
        bottom.addWidget(self.param_reset)
        grid.addLayout(bottom)

        over = QGroupBox(self.tr("Show"))
        self.show_tangent = _check(
            "showTangent", self.tr("Tangent at the probe"), True,
            self.tr("Draw the tangent line of the selected activation at the probe; its "
                    "slope is f′(z)."))
        self.show_saturation = _check(
            "showSaturation", self.tr("Saturation zone"), False,
            self.tr("Shade where the selected activation's slope is at most 5.91 % of its "
                    "peak slope (but not zero): gradients passing back almost vanish."))
        self.show_dead = _check(
            "showDead", self.tr("Dead zone"), False,
            self.tr("Shade where the selected activation's slope is exactly zero: no "
                    "gradient passes back at all."))
        self.show_identity = _check(
            "showIdentity", self.tr("σ(z) = (1 + tanh(z/2)) / 2"), False,
            self.tr("Overlay (1 + tanh(z/2)) / 2 as a dashed curve: it lies exactly on the "
                    "sigmoid."))
        self.identity_result = _result("identityResult")
        self.show_check = _check(
            "showCheck", self.tr("Check f′ numerically"), False,
            self.tr("Overlay (f(z + h) − f(z − h)) / 2h with h = 10⁻⁵ as dotted curves on the "
                    "f′ plot, and report the largest difference from the exact f′."))
        self.check_result = _result("checkResult")
        form = QVBoxLayout(over)
        for w in (self.show_tangent, self.show_saturation, self.show_dead, self.show_identity,
                  self.identity_result.holder, self.show_check, self.check_result.holder):
            form.addWidget(w)

        column = QWidget()
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 4, 0)
        for w in (box, range_box, param_box, over):
            col.addWidget(w)
        col.addStretch(1)
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        # Never narrower than the content (no horizontal scroll bar, so it would be clipped),
        # with room for the vertical scroll bar that short windows bring.
        hint = super().minimumSizeHint()
        width = self.widget().minimumSizeHint().width()
        width += self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(width, hint.height())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())


class ProbePanel(QGroupBox):
    """The probe position and a table of f, f' and the zone state of every shown activation."""

    def __init__(self, z_range: tuple[float, float], z: float, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Probe"))
        self.z_probe = make_spin(
            "zProbe", *z_range, z, 0.1,
            self.tr("Position of the probe line; you can also drag the line on either plot."),
            decimals=3)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("probeReadout")
        self.table.setToolTip(self.tr(
            "Values at the probe. 'saturated': slope at most 5.91 % of the peak slope; "
            "'dead': slope exactly zero."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Activation"), self.tr("f(z)"), self.tr("f′(z)"), self.tr("State")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setIconSize(QSize(20, 10))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
        form = QFormLayout(self)
        form.addRow(self.tr("z ="), self.z_probe)
        form.addRow(self.table)
        self.states = {"dead": (self.tr("dead"), QColor(theme.DEAD).darker(115)),
                       "saturated": (self.tr("saturated"), QColor(theme.SATURATED).darker(150)),
                       "active": (self.tr("active"), QColor("#2b6e3f"))}
        # The value columns grow to their widest text so far and shrink back only when the
        # rows are rebuilt: moving the probe does not make them jitter, and a new value
        # costs no resize-to-contents pass over the table.
        self._widths: dict[str, int] = {}
        self._pad = 2 * (self.table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1) + 2
        usual = self._text_width("0.0000")
        state = self._text_width(self.states["active"][0])
        self._base_widths = {c: max(w, head.sectionSizeHint(c))
                             for c, w in ((1, usual), (2, usual), (3, state))}
        self._reset_widths()

    def _text_width(self, text: str) -> int:
        """Pixels a cell needs for text; values of the same shape share one measurement
        when the font's digits all have the same width."""
        if not tabular_digits(self.table.font()):
            return self.table.fontMetrics().horizontalAdvance(text) + self._pad
        key = text_shape(text)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.table.fontMetrics().horizontalAdvance(text)
        return width + self._pad

    def _reset_widths(self) -> None:
        head = self.table.horizontalHeader()
        for c, w in self._base_widths.items():
            head.resizeSection(c, w)

    def set_rows(self, names: list[str]) -> None:
        """One row per shown activation (rebuilt only when the shown set changes)."""
        self.table.setRowCount(len(names))
        for row, name in enumerate(names):
            head = QTableWidgetItem(line_icon(name), activation_label(name))
            head.setData(Qt.ItemDataRole.UserRole, name)
            self.table.setItem(row, 0, head)
            for col in (1, 2, 3):
                cell = QTableWidgetItem()
                if col < 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        self._reset_widths()
        rows_h = max(1, len(names)) * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows_h + 4)

    def set_values(self, rows: list[tuple[float, float, tuple[str, str], str]]) -> None:
        """Fill the value columns, one (f, f', (f text, f' text), state) per row.

        Each cell edit would emit its own dataChanged (and with resize-to-contents columns,
        a header resize pass: 15 per probe move with five activations). The model is quiet
        while the cells are written and the view hears one dataChanged for the whole block;
        the columns only ever grow, and only when a text needs it.
        """
        if not rows:
            return
        model = self.table.model()
        role = Qt.ItemDataRole.UserRole
        blocker = QSignalBlocker(model)
        for row, (f, d, texts, state) in enumerate(rows):
            for col, v, text in ((1, f, texts[0]), (2, d, texts[1])):
                cell = self.table.item(row, col)
                cell.setText(text)
                cell.setData(role, v)
            text, color = self.states[state]
            cell = self.table.item(row, 3)
            if cell.text() != text:
                cell.setText(text)
                cell.setForeground(color)
        blocker.unblock()
        model.dataChanged.emit(model.index(0, 1), model.index(len(rows) - 1, 3))
        head = self.table.horizontalHeader()
        for col in (1, 2, 3):
            texts = [r[2][col - 1] if col < 3 else self.states[r[3]][0] for r in rows]
            need = max(self._text_width(text) for text in texts)
            if need > head.sectionSize(col):
                head.resizeSection(col, need)
