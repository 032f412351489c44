"""The live Training page: a small network learning a toy data set while the learner watches.

Layout: the transport bar (play, step, reset, speed, scenarios) across the top, with the
scenario note and the warning banners under it; below, in splitters a teacher can resize, the
settings column on the left, the network diagram in the centre, and on the right the key
readouts above the decision plane, with the training curves below it.

Data flow: every control asks the `TrainingController` (a child of this page) for a change;
the controller emits one immutable snapshot per frame, which goes straight to every view's
`set_snapshot` and to this page's readouts. The page does no per-frame work beyond setting
label texts that changed.

The transport bar and the notices under it are in `training_bar`, the settings column in
`training_controls`, the readouts in `views.training_readouts`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

from actgui.engine import datasets
from actgui.ui import scenarios as scen
from actgui.ui.controller import TrainingController
from actgui.ui.pages.training_bar import Banner, ScenarioBox, TransportBar
from actgui.ui.pages.training_controls import COLUMN_WIDTH, TrainingControls
from actgui.ui.views.boundary_view import CLASS_COLORS, BoundaryView
from actgui.ui.views.curves_view import CurvesView
from actgui.ui.views.fitting import TwoPartRow
from actgui.ui.views.network_view import LAYOUT_MIN, NetworkView
from actgui.ui.views.training_readouts import Readouts
from actgui.ui.views.unit_inspector import UnitInspector

STATUS_INTERVAL_S = 0.25  # status bar updates per second while training: 4
# The settings column's minimum width: in a narrow window it scrolls sideways rather than
# leave the diagram and the plane too little room (its usual width is COLUMN_WIDTH).
CONTROLS_MIN_WIDTH = 176


class TrainingPage(QWidget):
    """See the module docstring."""

    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trainingPage")
        self.controller = TrainingController(parent=self)
        self._scenario: scen.Scenario | None = None
        self._inspectors: dict[tuple[int, int], QWidget] = {}
        self._last_status = 0.0
        self._dead_key = None
        self._point_kind = None
        self._sized = False

        self.transport = TransportBar(scen.SCENARIOS)
        self.scenario_box = ScenarioBox()
        self.dead_warning = Banner("deadWarning", "warning")
        self.diverged_banner = Banner("divergedBanner", "error")
        self.controls = TrainingControls()
        self.network_view = NetworkView()
        self.boundary_view = BoundaryView()
        self.curves_view = CurvesView()
        self.readouts = Readouts()
        self._build_layout()
        self._share_space(1096, 760)  # the page in a 1280 x 800 window; refined when shown
        self._connect()
        self._shortcuts()
        self.controls.set_config(self.controller.config)
        self.transport.set_speed(self.controller.speed)
        self.controller.publish()

    # -- construction ------------------------------------------------------------------------

    def _point_row(self) -> QWidget:
        tip = self.tr("What a click on the plane adds: a training point of this class (or, "
                      "for regression, with this value). Right-click removes the nearest point.")
        caption = QLabel(self.tr("Click adds"))
        caption.setToolTip(tip)
        self.point_class_combo = QComboBox()
        self.point_class_combo.setObjectName("pointClassCombo")
        self.point_class_combo.setToolTip(tip)
        # Its items change with the data set (and the language): keep them readable.
        self.point_class_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.point_value_spin = QDoubleSpinBox()
        self.point_value_spin.setObjectName("pointValueSpin")
        self.point_value_spin.setRange(-1.0, 1.0)
        self.point_value_spin.setSingleStep(0.1)
        self.point_value_spin.setValue(1.0)
        self.point_value_spin.setToolTip(tip)
        self.show_test_check = QCheckBox(self.tr("Test data"))
        self.show_test_check.setObjectName("showTestCheck")
        self.show_test_check.setChecked(True)
        self.show_test_check.setToolTip(self.tr("Show the test points (rings) on the plane."))
        self.discretize_check = QCheckBox(self.tr("Discretize"))
        self.discretize_check.setObjectName("discretizeCheck")
        self.discretize_check.setToolTip(self.tr(
            "Colour the plane by the network's decision only, without the shades of "
            "confidence."))
        # What a click adds, then the display options (under it in a narrow window).
        row = TwoPartRow([caption, self.point_class_combo, self.point_value_spin],
                         [self.show_test_check, self.discretize_check])
        row.setObjectName("pointRow")
        return row

    def _build_layout(self) -> None:
        right = QWidget()
        right.setObjectName("outputColumn")
        rt = QVBoxLayout(right)
        rt.setContentsMargins(0, 0, 0, 0)
        rt.setSpacing(4)
        rt.addWidget(self.readouts)
        rt.addWidget(self.boundary_view, 1)
        rt.addWidget(self._point_row())

        # Network and decision plane side by side, the curves across the full width below.
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.setObjectName("topSplitter")
        self.top_splitter.setChildrenCollapsible(False)
        self.top_splitter.addWidget(self.network_view)
        self.top_splitter.addWidget(right)
        self.top_splitter.setStretchFactor(0, 1)
        self.top_splitter.setStretchFactor(1, 1)

        self.work_splitter = QSplitter(Qt.Orientation.Vertical)
        self.work_splitter.setObjectName("workSplitter")
        self.work_splitter.setChildrenCollapsible(False)
        self.work_splitter.addWidget(self.top_splitter)
        self.work_splitter.addWidget(self.curves_view)
        self.work_splitter.setStretchFactor(0, 3)
        self.work_splitter.setStretchFactor(1, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("trainingSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.controls)
        self.splitter.addWidget(self.work_splitter)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.controls.setMinimumWidth(CONTROLS_MIN_WIDTH)
        self.controls.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        # The columns always fit the width of the smallest window. Should the height not
        # do (a deep network's wrapped legends and a banner in a small window), the columns
        # scroll instead of being drawn over each other.
        self.body = QScrollArea()
        self.body.setObjectName("trainingBody")
        self.body.setWidget(self.splitter)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.transport)
        for banner in (self.scenario_box, self.diverged_banner, self.dead_warning):
            layout.addWidget(banner)
        layout.addWidget(self.body, 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:  # first time on screen: share the width and height sensibly
            self._sized = True
            self._share_space()

    def _share_space(self, w: int | None = None, h: int | None = None) -> None:
        """Initial splitter sizes for a page of w x h pixels (default: the current size).

        The settings column gets its usual width, the diagram and the plane share the rest;
        in a narrow window the settings give way first, down to their minimum."""
        w = w or self.width()
        h = (h or self.height()) - self.transport.sizeHint().height()
        handle = self.splitter.handleWidth()
        network_min = self.network_view.minimumWidth()
        output_min = self.top_splitter.widget(1).minimumSizeHint().width()
        work_min = network_min + handle + output_min
        # Asked for in full even in a small window: the splitter squeezes the settings for
        # now and gives them this width back when the window grows.
        self.splitter.setSizes([COLUMN_WIDTH + 10, w - COLUMN_WIDTH - 10])
        left = max(CONTROLS_MIN_WIDTH, min(COLUMN_WIDTH + 10, w - handle - work_min))
        top = int(0.54 * h)
        self.work_splitter.setSizes([top, h - top])
        work = w - left
        # the diagram unscaled if there is room (it shrinks below LAYOUT_MIN), then the plane
        network = min(int(LAYOUT_MIN[0]), work - handle - output_min)
        right = max(output_min, min(top - 20, int(0.55 * work), work - handle - network))
        self.top_splitter.setSizes([work - right, right])

    def _connect(self) -> None:
        c = self.controller
        for view in (self.network_view, self.boundary_view, self.curves_view):
            c.snapshot_ready.connect(view.set_snapshot)
        c.snapshot_ready.connect(self._on_snapshot)
        c.running_changed.connect(self._on_running)
        c.diverged.connect(self._on_diverged)

        t = self.transport
        t.play_clicked.connect(self.toggle)
        t.step_clicked.connect(self.step)
        t.reset_clicked.connect(self.reset)
        t.speed_changed.connect(c.set_speed)
        t.scenario_chosen.connect(self.apply_scenario)
        self.scenario_box.follow_up_clicked.connect(self._follow_up)

        self.controls.changes_requested.connect(self.apply_changes)
        self.controls.regenerate_requested.connect(c.regenerate)
        self.controls.import_requested.connect(self.import_points)

        nv = self.network_view
        nv.feature_toggled.connect(self._on_feature)
        nv.hidden_changed.connect(lambda hidden: self.apply_changes({"hidden": tuple(hidden)}))
        nv.weight_edited.connect(self._on_weight)
        nv.unit_clicked.connect(self.open_inspector)

        bv = self.boundary_view
        bv.add_point_requested.connect(self._on_add_point)
        bv.remove_point_requested.connect(self._on_remove_point)
        self.show_test_check.toggled.connect(bv.set_show_test)
        self.discretize_check.toggled.connect(bv.set_discretize)

    def _shortcuts(self) -> None:
        for key, slot in ((Qt.Key.Key_Space, self.toggle), (Qt.Key.Key_Right, self.step),
                          (Qt.Key.Key_R, self.reset)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def plots(self) -> list:
        """The pyqtgraph widgets of this page (decision plane first), e.g. for export."""
        return [self.boundary_view.plot, *self.curves_view.findChildren(pg.GraphicsView)]

    # -- commands ----------------------------------------------------------------------------

    def toggle(self) -> None:
        if self.controller.trainer.diverged:
            self.status_message.emit(self.tr("Training diverged: press Reset to start again."))
            return
        self.controller.toggle()

    def step(self) -> None:
        self.controller.pause()
        if not self.controller.trainer.diverged:
            self.controller.step()
            self._emit_status(self.controller.snapshot)

    def reset(self) -> None:
        """Back to the starting weights, paused, so the first steps can be watched."""
        self.controller.pause()
        self.controller.reset()
        self.status_message.emit(self.tr("Back to the starting weights."))

    def apply_changes(self, changes: dict) -> bool:
        """Apply TrainConfig changes; on a refused value warn and show the current settings."""
        try:
            self.controller.update_config(**changes)
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Setting not applied"), str(e))
            self.controls.set_config(self.controller.config)
            return False
        self.controls.set_config(self.controller.config)
        self.transport.scenario_combo.setCurrentIndex(0)  # no longer the preset as such
        if "dataset" in changes:
            self.scenario_box.hide()  # a new experiment: the note no longer applies
        return True

    def apply_scenario(self, key: str) -> None:
        """Set up a scenario from the defaults, explain it, and start training."""
        s = scen.by_key(key)
        self._scenario = s
        self._restart_with(s.config())
        index = self.transport.scenario_combo.findData(key)
        self.transport.scenario_combo.setCurrentIndex(index)
        self.scenario_box.show_scenario(s)
        self.controller.start()
        self.status_message.emit(self.tr("Scenario: {0}").format(s.title()))

    def _restart_with(self, config) -> None:
        """Apply a preset from step 0 (even where only live settings differ), paused."""
        self.controller.pause()
        if not self.controller.set_config(config):
            self.controller.reset()
        self.controls.set_config(self.controller.config)

    def _follow_up(self) -> None:
        s = self._scenario
        if s is None or s.follow_up is None:
            return
        self._restart_with(s.follow_up_config())
        self.controller.start()
        self.status_message.emit(scen.follow_up_tooltip(s.follow_up))

    def import_points(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import points"), "", self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return
        try:
            n = self.controller.load_points(path)
        except (ValueError, OSError) as e:
            QMessageBox.warning(self, self.tr("Could not import the points"), str(e))
            return
        self.status_message.emit(self.tr("Loaded {0} points.").format(f"{n:,}"))

    def open_inspector(self, layer: int, unit: int) -> QWidget:
        """Open (or raise) the inspector of one unit; it follows the training while open."""
        key = (layer, unit)
        w = self._inspectors.get(key)
        if w is None:
            w = UnitInspector(layer, unit, self)
            if not w.isWindow():
                w.setWindowFlag(Qt.WindowType.Window, True)
            w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self._inspectors[key] = w
            self.controller.snapshot_ready.connect(w.set_snapshot)
            w.destroyed.connect(lambda _=None, k=key: self._inspectors.pop(k, None))
            if self.controller.snapshot is not None:
                w.set_snapshot(self.controller.snapshot)
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    # -- reactions ---------------------------------------------------------------------------

    def _on_feature(self, name: str, on: bool) -> None:
        current = set(self.controller.config.features)
        current.add(name) if on else current.discard(name)
        if not current:
            self.controller.publish()  # the diagram shows the input as on again
            self.status_message.emit(self.tr(
                "At least one input has to stay on: the network needs something to look at."))
            return
        self.apply_changes({"features": tuple(f for f in datasets.FEATURES if f in current)})

    def _on_weight(self, layer: int, i: int, j: int, value: float) -> None:
        try:
            self.controller.set_weight(layer, i, j, value)
        except ValueError as e:
            QMessageBox.warning(self, self.tr("Weight not changed"), str(e))

    def _on_add_point(self, x1: float, x2: float) -> None:
        if datasets.kind(self.controller.config.dataset) == "regression":
            label = self.point_value_spin.value()
        else:
            label = self.point_class_combo.currentData()
        try:
            self.controller.add_point(x1, x2, label)
        except ValueError as e:
            self.status_message.emit(str(e))

    def _on_remove_point(self, x1: float, x2: float) -> None:
        try:
            self.controller.remove_nearest(x1, x2)
        except ValueError as e:
            self.status_message.emit(str(e))

    def _on_running(self, running: bool) -> None:
        self.transport.set_running(running)
        if not running:
            self._emit_status(self.controller.snapshot)

    def _on_diverged(self, step: int) -> None:
        self.status_message.emit(self.tr("Training diverged at step {0}.").format(f"{step:,}"))

    def _on_snapshot(self, s) -> None:
        self.readouts.show_snapshot(s)
        self._update_point_selector(s.config)
        self._update_dead_warning(s)
        if s.diverged_at is not None:
            self.diverged_banner.show_text(self.tr(
                "<b>Training diverged at step {0}:</b> the loss or a weight became infinite. "
                "The views show the last finite state. Press Reset to start again.")
                .format(f"{s.diverged_at:,}"))
        else:
            self.diverged_banner.show_text("")
        now = time.perf_counter()
        if self.controller.running and now - self._last_status >= STATUS_INTERVAL_S:
            self._last_status = now
            self._emit_status(s)

    def _emit_status(self, s) -> None:
        if s is None:
            return
        c = self.controller
        if c.running:
            text = self.tr("Epoch {0} · step {1} · {2} steps/s · {3} frames/s").format(
                f"{s.epoch:,}", f"{s.step:,}", f"{c.steps_per_second:,.0f}",
                f"{c.frames_per_second:.0f}")
        else:
            text = self.tr("Paused · epoch {0} · step {1}").format(f"{s.epoch:,}",
                                                                    f"{s.step:,}")
        self.status_message.emit(text)

    def _update_dead_warning(self, s) -> None:
        layers = s.diagnostics.layers
        key = tuple((int(st.dead.sum()), st.dead.size, st.activation) for st in layers
                    if st.dead_warning)
        if key == self._dead_key:
            return
        self._dead_key = key
        parts = []
        relu_like = False
        for l, st in enumerate(layers):
            if st.dead_warning:
                parts.append(self.tr("layer {0}: {1} of {2} units").format(
                    l + 1, int(st.dead.sum()), st.dead.size))
                relu_like |= st.activation == "relu"
        if not parts:
            self.dead_warning.show_text("")
            return
        advice = (self.tr("Try a smaller learning rate, a bias init ≥ 0 or Leaky ReLU.")
                  if relu_like else self.tr("Try a smaller learning rate or weight scale."))
        self.dead_warning.show_text(self.tr(
            "<b>Dead units</b> in {0} — they get no gradient, so they no longer learn. {1}")
            .format(self.tr("; ").join(parts), advice))

    def _update_point_selector(self, c) -> None:
        kind = (datasets.kind(c.dataset), datasets.n_classes(c.dataset))
        if kind == self._point_kind:
            return
        self._point_kind = kind
        regression = kind[0] == "regression"
        self.point_value_spin.setVisible(regression)
        self.point_class_combo.setVisible(not regression)
        combo = self.point_class_combo
        keep = combo.currentData()
        combo.clear()
        if not regression:
            names = (self.tr("orange"), self.tr("blue"), self.tr("green"), self.tr("purple"))
            for k in range(kind[1]):
                color = CLASS_COLORS[k % len(CLASS_COLORS)]
                combo.addItem(self.tr("class {0} ({1})").format(k, names[k % len(names)]), k)
                combo.setItemData(k, pg.mkColor(color), Qt.ItemDataRole.DecorationRole)
            combo.setCurrentIndex(keep if isinstance(keep, int) and keep < kind[1] else 1)
