"""The activation explorer: overlay activations, probe them, and see where gradients vanish.

Controls on the left, f(z) above f'(z) in the middle, the formula card, probe readouts and notes
on the right. All curves come from the engine's vectorised f / df on one z grid; a control
change recomputes only what it affects and updates existing plot items with setData.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.engine import activations as act
from actgui.ui import theme
from actgui.ui.i18n import activation_label
from actgui.ui.views import curve_zones as zones
from actgui.ui.views.curve_controls import SLIDER_STEPS, CurveControls, ProbePanel
from actgui.ui.views.curve_notes import CurveNotes, FormulaCard, fmt_number
from actgui.ui.views.curve_plots import CurvePlots

N_POINTS = 1201  # 0.01 apart on the default range, with z = 0 on the grid
Z_DEFAULT = (-6.0, 6.0)
Z_LIMIT = 50.0
START_SHOWN = ("sigmoid", "tanh", "relu")
PROBE_START = 1.0  # off the z = 0 axis line, where the tangent and readouts say more
CHECK_H = 1e-5  # central-difference step
KINK_MARGIN = 4 * CHECK_H
PLOTS_MIN_WIDTH = 140
SIDE_WIDTH = 310  # the formula, probe and notes column (narrower only in a small window)


def fmt_value(v: float) -> str:
    """A readout value: fixed 4 decimals in the usual range, scientific when tiny or huge."""
    v = float(v)
    text = f"{v:.4f}" if v == 0 or 1e-3 <= abs(v) < 1e5 else f"{v:.3e}"
    return text.replace("-", "−")


def _log_scale(spec: act.ParamSpec) -> bool:
    return spec.low > 0 and spec.high / spec.low >= 100


def slider_to_value(spec: act.ParamSpec, i: int) -> float:
    """Slider position 0..SLIDER_STEPS to a parameter value, rounded to 4 significant digits
    (so the default of a log-scale slider is hit exactly); log scale for wide ranges."""
    t = i / SLIDER_STEPS
    if _log_scale(spec):
        v = spec.low * (spec.high / spec.low) ** t
    else:
        v = spec.low + (spec.high - spec.low) * t
    return min(max(float(f"{v:.4g}"), spec.low), spec.high)


def value_to_slider(spec: act.ParamSpec, v: float) -> int:
    if _log_scale(spec):
        t = (np.log(v) - np.log(spec.low)) / (np.log(spec.high) - np.log(spec.low))
    else:
        t = (v - spec.low) / (spec.high - spec.low)
    return int(round(float(t) * SLIDER_STEPS))


class ActivationsPage(QWidget):
    """Activation explorer page; see the module docstring."""

    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activationsPage")
        self._params = {n: {k: s.default for k, s in act.param_specs(n).items()}
                        for n in act.names()}
        self._z = np.linspace(*Z_DEFAULT, N_POINTS)
        self._values: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._probe_z = PROBE_START
        self._shown: list[str] | None = None  # cache of shown(), read several times a change
        self.check_errors: dict[str, float] = {}
        self.identity_error: float | None = None

        self.controls = CurveControls(START_SHOWN, Z_DEFAULT, Z_LIMIT)
        self.view = CurvePlots()
        self.card = FormulaCard()
        self.probe = ProbePanel(Z_DEFAULT, PROBE_START)
        self.notes = CurveNotes()
        c = self.controls  # the widgets the page reads and connects
        self.activation_list, self.z_min, self.z_max = c.activation_list, c.z_min, c.z_max
        self.param_slider, self.param_value = c.param_slider, c.param_value
        self.show_tangent, self.show_identity = c.show_tangent, c.show_identity
        self.show_saturation, self.show_dead = c.show_saturation, c.show_dead
        self.show_check, self.check_result = c.show_check, c.check_result
        self.identity_result, self.z_probe = c.identity_result, self.probe.z_probe

        column = QWidget()
        col = QVBoxLayout(column)
        col.setContentsMargins(4, 0, 0, 0)
        col.addWidget(self.card)
        col.addWidget(self.probe)
        col.addWidget(self.notes, 1)
        # In a small window the column is narrow and its wrapped formulas tall: it scrolls
        # then, rather than cut them off. Narrow enough that controls, plots and this column
        # fit the smallest window side by side; the plots keep room for their axes.
        side = QScrollArea()
        side.setObjectName("activationSide")
        side.setWidget(column)
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setMinimumWidth(column.minimumSizeHint().width()
                             + side.verticalScrollBar().sizeHint().width())
        self.view.setMinimumWidth(PLOTS_MIN_WIDTH)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.controls)
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(1, 1)
        split.setSizes([self.controls.minimumSizeHint().width(), 2000, SIDE_WIDTH])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)

        self._connect()
        self.view.set_x_range(*Z_DEFAULT)
        self.view.set_probe(self._probe_z)
        self._shown_changed()
        self.activation_list.setCurrentRow(0)

    def _connect(self) -> None:
        self.activation_list.itemChanged.connect(self._shown_changed)
        self.activation_list.currentItemChanged.connect(self._selection_changed)
        self.z_min.valueChanged.connect(self._range_changed)
        self.z_max.valueChanged.connect(self._range_changed)
        self.controls.z_reset.clicked.connect(self._reset_range)
        self.param_slider.valueChanged.connect(self._slider_moved)
        self.param_slider.sliderReleased.connect(lambda: self.view.fit_y(tight=True))
        self.controls.param_reset.clicked.connect(self._reset_param)
        self.z_probe.valueChanged.connect(self._set_probe)
        self.view.probe_dragged.connect(self._set_probe)
        self.show_tangent.toggled.connect(self._update_probe)
        self.show_saturation.toggled.connect(self._update_zones)
        self.show_dead.toggled.connect(self._update_zones)
        self.show_identity.toggled.connect(self._update_identity)
        self.show_check.toggled.connect(lambda: self._update_check(self.shown()))

    # -- public -------------------------------------------------------------------------------

    def plots(self) -> list[pg.PlotWidget]:
        return [self.view.f_plot, self.view.df_plot]

    def shown(self) -> list[str]:
        """Names of the ticked activations, in list order."""
        if self._shown is None:  # reset by every itemChanged of the list
            out = []
            for i in range(self.activation_list.count()):
                item = self.activation_list.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    out.append(item.data(Qt.ItemDataRole.UserRole))
            self._shown = out
        return list(self._shown)

    def selected(self) -> str | None:
        item = self.activation_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def activation(self, name: str) -> act.Activation:
        """The activation with the parameters currently set on this page."""
        return act.get(name, **self._params[name])

    def z_grid(self) -> np.ndarray:
        return self._z

    def probe_z(self) -> float:
        return self._probe_z

    # -- reacting to controls -----------------------------------------------------------------

    def _compute(self, name: str) -> None:
        a = self.activation(name)
        f, df = a.f(self._z), a.df(self._z)
        self._values[name] = (f, df)
        self.view.set_curve(name, self._z, f, df)

    def _shown_changed(self, *_) -> None:
        self._shown = None
        names = self.shown()
        for name in names:
            if name not in self._values:
                self._compute(name)
        self.view.set_shown(names, {n: activation_label(n) for n in act.names()})
        self.probe.set_rows(names)
        self._update_probe()
        self._update_zones()
        self._update_check(names)

    def _selection_changed(self, *_) -> None:
        name = self.selected()
        if name is None:
            return
        self.view.set_selected(name)
        self._configure_slider(name)
        self._update_card()
        self._update_probe()
        self._update_zones()

    def _configure_slider(self, name: str) -> None:
        specs = act.param_specs(name)
        on = bool(specs)
        self.param_slider.setEnabled(on)
        self.controls.param_reset.setEnabled(on)
        with QSignalBlocker(self.param_slider):
            if on:
                key, spec = next(iter(specs.items()))
                self.param_slider.setValue(value_to_slider(spec, self._params[name][key]))
                tip = self.tr("{name} {p} from {lo} to {hi}; curves follow as you drag.").format(
                    name=activation_label(name), p=spec.label, lo=fmt_number(spec.low),
                    hi=fmt_number(spec.high))
            else:
                self.param_slider.setValue(0)
                tunable = ", ".join(activation_label(n) for n in act.names() if act.param_specs(n))
                tip = self.tr("{name} has no parameter to tune. Select one of: {list}.").format(
                    name=activation_label(name), list=tunable)
        self.param_slider.setToolTip(tip)
        self._show_param_value(name)

    def _show_param_value(self, name: str) -> None:
        specs = act.param_specs(name)
        if not specs:
            self.param_value.setText(self.tr("{name} has no parameter").format(
                name=activation_label(name)))
            return
        key, spec = next(iter(specs.items()))
        self.param_value.setText(self.tr("{name}: {p} = {v}").format(
            name=activation_label(name), p=spec.label, v=fmt_number(self._params[name][key])))

    def _slider_moved(self, i: int) -> None:
        name = self.selected()
        specs = act.param_specs(name) if name else {}
        if not specs:
            return
        key, spec = next(iter(specs.items()))
        self._params[name][key] = slider_to_value(spec, i)
        item = self.activation_list.currentItem()
        if item.checkState() != Qt.CheckState.Checked:
            item.setCheckState(Qt.CheckState.Checked)  # tuning it means wanting to see it
        self._param_changed(name)

    def _reset_param(self) -> None:
        name = self.selected()
        specs = act.param_specs(name) if name else {}
        for key, spec in specs.items():
            self._params[name][key] = spec.default
        if specs:
            self._configure_slider(name)
            self._param_changed(name)
            self.status_message.emit(self.tr("{name}: parameter back to its default.").format(
                name=activation_label(name)))

    def _param_changed(self, name: str) -> None:
        self._show_param_value(name)
        self._values.pop(name, None)
        if name in self.shown():
            self._compute(name)
            self.view.fit_y()
            self._update_check([name])
        self._update_card()
        self._update_probe()
        self._update_zones()

    def _range_changed(self, *_) -> None:
        lo, hi = self.z_min.value(), self.z_max.value()
        with QSignalBlocker(self.z_min), QSignalBlocker(self.z_max):
            self.z_min.setMaximum(hi - 1)
            self.z_max.setMinimum(lo + 1)
        self._z = np.linspace(lo, hi, N_POINTS)
        self._values.clear()
        for name in self.shown():
            self._compute(name)
        self.view.fit_y(tight=True)
        self.view.set_x_range(lo, hi)
        with QSignalBlocker(self.z_probe):
            self.z_probe.setRange(lo, hi)
        self._set_probe(min(max(self._probe_z, lo), hi))
        self._update_zones()
        self._update_identity()
        self._update_check(self.shown())

    def _reset_range(self) -> None:
        with QSignalBlocker(self.z_min), QSignalBlocker(self.z_max):
            self.z_min.setRange(-Z_LIMIT, Z_DEFAULT[1] - 1)
            self.z_max.setRange(Z_DEFAULT[0] + 1, Z_LIMIT)
            self.z_min.setValue(Z_DEFAULT[0])
            self.z_max.setValue(Z_DEFAULT[1])
        self._range_changed()

    def _set_probe(self, z: float) -> None:
        """Move the probe (from the spin box or a dragged line) and keep both in step."""
        with QSignalBlocker(self.z_probe):
            self.z_probe.setValue(z)
        self._probe_z = self.z_probe.value()  # rounded to the spin box's decimals
        self.view.set_probe(self._probe_z)
        self._update_probe()

    # -- derived views ------------------------------------------------------------------------

    def _update_card(self) -> None:
        name = self.selected()
        if name is not None:
            self.card.show_activation(self.activation(name), theme.activation_color(name))

    def _update_probe(self, *_) -> None:
        z = self._probe_z
        zz = np.array([z])
        points, rows = [], []
        for name in self.shown():
            a = self.activation(name)
            f, d = float(a.f(zz)[0]), float(a.df(zz)[0])
            points.append((name, f, d))
            t = a.saturation_threshold()
            state = "dead" if d == 0.0 else "saturated" if abs(d) <= t else "active"
            rows.append((f, d, (fmt_value(f), fmt_value(d)), state))
        self.probe.set_values(rows)
        self.view.set_markers(z, points)

        name = self.selected()
        if self.show_tangent.isChecked() and name in self.shown():
            a = self.activation(name)
            f0, s = float(a.f(zz)[0]), float(a.df(zz)[0])
            half = (self._z[-1] - self._z[0]) / 8
            tz = np.array([z - half, z + half])
            self.view.set_tangent(tz, f0 + s * (tz - z), name)
        else:
            self.view.set_tangent(None)

    def _update_zones(self, *_) -> None:
        name = self.selected()
        drawn = name is not None and name in self.shown()
        for kind, box in (("saturated", self.show_saturation), ("dead", self.show_dead)):
            on = box.isChecked() and drawn
            spans = self.zone_intervals(name, kind) if on else None
            self.view.set_zones(kind, spans)

    def zone_intervals(self, name: str, kind: str) -> list[tuple[float, float]]:
        """Where on the current grid the activation is saturated / dead, edges refined."""
        a = self.activation(name)
        d = self._values[name][1] if name in self._values else a.df(self._z)
        if kind == "saturated":
            t = a.saturation_threshold()
            return zones.intervals(self._z, zones.saturated_mask(d, t),
                                   lambda x: zones.saturated_mask(a.df(x), t))
        return zones.intervals(self._z, zones.dead_mask(d), lambda x: zones.dead_mask(a.df(x)))

    def _update_identity(self, *_) -> None:
        if not self.show_identity.isChecked():
            self.identity_error = None
            self.identity_result.setVisible(False)
            self.view.set_identity(None)
            return
        z = self._z
        y = (1.0 + np.tanh(z / 2.0)) / 2.0
        self.identity_error = float(np.max(np.abs(y - act.get("sigmoid").f(z))))
        self.view.set_identity(z, y, self.tr("(1 + tanh(z/2)) / 2"))
        text = self.tr("Largest gap from σ(z) on this range: {e}").format(
            e=f"{self.identity_error:.1e}".replace("-", "−"))
        self.identity_result.setText(text)
        self.identity_result.setVisible(True)
        self.status_message.emit(text)

    def _update_check(self, names: list[str]) -> None:
        on = self.show_check.isChecked()
        shown = self.shown()
        for name in act.names():
            if not on or name not in shown:
                self.check_errors.pop(name, None)
                self.view.set_check(name, None)
        if not on:
            self.check_result.setVisible(False)
            return
        z = self._z
        for name in names:
            a = self.activation(name)
            keep = zones.away_from_kinks(z, a.kinks, KINK_MARGIN)
            num = zones.central_difference(a.f, z[keep], CHECK_H)
            exact = self._values[name][1][keep]
            self.check_errors[name] = float(np.max(np.abs(num - exact))) if num.size else 0.0
            self.view.set_check(name, z[keep], num)
        if not self.check_errors:
            self.check_result.setText(self.tr("Tick an activation to check it."))
        else:
            worst = max(self.check_errors, key=self.check_errors.get)
            text = self.tr("Largest error: {e} ({name}); points within 4h of a kink are "
                           "skipped.").format(
                e=f"{self.check_errors[worst]:.1e}".replace("-", "−"), name=activation_label(worst))
            self.check_result.setText(text)
            self.check_result.setToolTip("\n".join(
                f"{activation_label(n)}: {e:.1e}" for n, e in self.check_errors.items()))
            if len(names) > 1:
                self.status_message.emit(text)
        self.check_result.setVisible(True)
