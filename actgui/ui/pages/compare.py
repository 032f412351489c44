"""The Compare page: "sigmoid, tanh or ReLU?" answered by an experiment, not a rule of thumb.

Two to four activations train the same network on the same data in lockstep (one
`MultiTrainer`, driven by the `CompareController` child of this page). The page shows their
loss curves overlaid, a small decision boundary per activation, and a live table of the
numbers; "Repeat over N seeds" turns every line into a mean with a min-max band and every cell
into mean ± std, because a single seed can mislead.

Layout: a headline and the fairness rule on top, the transport bar under it, then in
splitters the settings column on the left, curves and tiles in the middle, the table below.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actgui.ui.compare_controller import DEFAULT_TARGET, CompareController
from actgui.ui.views.compare_common import activation_label
from actgui.ui.views.compare_curves import CompareCurves
from actgui.ui.views.compare_settings import CompareSettings
from actgui.ui.views.compare_table import CompareTable
from actgui.ui.views.compare_tiles import BoundaryTiles
from actgui.ui.views.fitting import CompactRow, ElidedLabel, FitHeight

SPEEDS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)  # steps per frame
SETTINGS_MIN_WIDTH = 230  # the settings column's minimum (it scrolls sideways below ~270)
DEFAULT_SPEED = 25
_MUTED = "color: #5B6B7B;"


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


class ResultsArea(QScrollArea):
    """The curves and tiles above the table. In a narrow window the tiles go under the
    curves instead of beside them, and the column scrolls rather than squeeze them."""

    def __init__(self, top: QSplitter, right: QSplitter, side_by_side_width, parent=None):
        super().__init__(parent)
        self._top = top
        self._side_by_side_width = side_by_side_width  # () -> the width both need
        self.setWidget(right)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _fit(self) -> None:
        wide = self.viewport().width() >= self._side_by_side_width()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self._top.orientation() != orientation:
            self._top.setOrientation(orientation)
            n = self._top.count()
            self._top.setSizes([1000] * n)  # share the new direction evenly

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        """As narrow as the widest part stacked, with room for the scroll bar."""
        parts = [self._top.widget(i) for i in range(self._top.count())]
        right = self.widget()
        parts += [right.widget(i) for i in range(1, right.count())]
        width = max(p.minimumSizeHint().expandedTo(p.minimumSize()).width() for p in parts)
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 120)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()


class ComparePage(QWidget):
    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("comparePage")
        self.controller = CompareController(self)
        self.controller.set_speed(DEFAULT_SPEED)
        self._sized = False
        self._diverged_seen: set[int] = set()  # runs whose divergence was already reported

        self.settings = CompareSettings()
        self.curves = CompareCurves()
        self.tiles = BoundaryTiles()
        self.table = CompareTable()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        outer.addWidget(self._header())
        outer.addWidget(self._transport())
        outer.addWidget(self._body(), 1)

        self._connect()
        c = self.controller
        self.settings.set_state(c.config, c.activations, c.seed_count)
        self._on_config_changed()
        c.publish(stats=True)

    # -- building --------------------------------------------------------------------------

    def _header(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(2, 0, 2, 0)
        v.setSpacing(1)
        title = QLabel(self.tr("Sigmoid, tanh or ReLU? Race them."))
        title.setObjectName("compareTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setToolTip(self.tr(
            "Which activation learns fastest depends on the problem: no rule settles it for "
            "every case. This page settles it for the case in front of you."))
        lead = QLabel(self.tr(
            "No rule says which activation learns fastest on every problem, so run the "
            "experiment: the same network, trained side by side with each activation."))
        lead.setObjectName("compareLead")
        lead.setWordWrap(True)
        lead.setToolTip(title.toolTip())
        self.fairness = QLabel(self.tr(
            "Every run sees the same data, the same mini-batches and — seed for seed — the "
            "same initial weights; only the activation differs."))
        self.fairness.setObjectName("compareFairness")
        self.fairness.setWordWrap(True)
        self.fairness.setStyleSheet(
            "#compareFairness { background: #EAF3FB; border: 1px solid #9CC3E4; "
            "color: #12324D; border-radius: 5px; padding: 3px 8px; }")
        self.fairness.setToolTip(self.tr(
            "That is what makes the race fair: any difference in the curves comes from the "
            "activation, not from luck in the data or the starting point."))
        v.addWidget(title)
        v.addWidget(lead)
        v.addWidget(self.fairness)
        return w

    def _transport(self) -> QWidget:
        bar = CompactRow()
        bar.setObjectName("compareTransport")
        h = QHBoxLayout(bar)
        h.setContentsMargins(0, 2, 0, 2)
        h.setSpacing(6)

        self.play_button = QPushButton()
        self.play_button.setObjectName("comparePlayButton")
        self.play_button.setMinimumWidth(96)
        font = self.play_button.font()
        font.setBold(True)
        self.play_button.setFont(font)
        self.play_button.setToolTip(self.tr("Start or pause training of every network at "
                                            "once; they always stay at the same step."))
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("compareStepButton")
        self.step_button.setToolTip(self.tr("One mini-batch step for every network."))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("compareResetButton")
        self.reset_button.setToolTip(self.tr(
            "Every network back to its starting weights (the same ones again) and step 0."))
        for b in (self.play_button, self.step_button, self.reset_button):
            h.addWidget(b)
        h.addSpacing(10)

        tip = self.tr("Training steps per screen update (about 60 a second), for every "
                      "network; the computer may manage fewer.")
        self.speed = QComboBox()
        self.speed.setObjectName("compareSpeed")
        for s in SPEEDS:
            self.speed.addItem(self.tr("{0} steps/frame").format(s), s)
        self.speed.setCurrentIndex(SPEEDS.index(DEFAULT_SPEED))
        self.speed.setToolTip(tip)
        caption = self._caption(self.tr("Speed"), tip)
        bar.optional.append(caption)
        h.addWidget(caption)
        h.addWidget(self.speed)
        h.addSpacing(10)

        self.export_button = QToolButton()
        self.export_button.setObjectName("compareExportButton")
        self.export_button.setText(self.tr("Export CSV"))
        self.export_button.setToolTip(self.tr(
            "Save the table or the curves as a CSV file for a spreadsheet."))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.setToolTipsVisible(True)
        a = menu.addAction(self.tr("Table…"), self.export_table)
        a.setToolTip(self.tr("One row per activation: mean and standard deviation over the "
                             "seeds of every column, and the settings used."))
        a = menu.addAction(self.tr("Curves…"), self.export_curves)
        a.setToolTip(self.tr("One row per network and recorded epoch: its train and test "
                             "loss and accuracy."))
        self.export_button.setMenu(menu)
        h.addWidget(self.export_button)

        self.status = ElidedLabel()
        self.status.setObjectName("compareStatus")
        self.status.setStyleSheet(_MUTED)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setToolTip(self.tr("Where every network is now (they share one clock), "
                                       "and how fast they train."))
        h.addWidget(self.status, 1)
        bar.measure()
        return bar

    def _caption(self, text: str, tip: str) -> QLabel:
        label = QLabel(text)
        label.setToolTip(tip)
        return label

    def _body(self) -> QWidget:
        tip = self.tr("The test loss a network must reach for the table's “epochs to target” "
                      "column.")
        self.target = QDoubleSpinBox()
        self.target.setObjectName("compareTarget")
        self.target.setDecimals(3)
        self.target.setRange(0.001, 10.0)
        self.target.setSingleStep(0.01)
        self.target.setValue(DEFAULT_TARGET)
        self.target.setKeyboardTracking(False)
        self.target.setToolTip(tip)

        scroll = QScrollArea()
        scroll.setObjectName("compareSettingsScroll")
        scroll.setWidget(self.settings)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways scrolling only in the narrowest windows, where the results need the room.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setMinimumWidth(SETTINGS_MIN_WIDTH)
        scroll.setMaximumWidth(320)

        top = self._top_splitter = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.curves)
        top.addWidget(self.tiles)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setChildrenCollapsible(False)

        self.seed_note = QLabel()
        self.seed_note.setObjectName("compareSeedNote")
        self.seed_note.setWordWrap(True)
        self.seed_note.setStyleSheet(_MUTED)
        self.seed_note.setToolTip(self.settings.seed_count.toolTip())
        lower = FitHeight()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(3)
        lv.addWidget(self.table)
        note_row = QHBoxLayout()
        note_row.addWidget(self.seed_note, 1)
        note_row.addSpacing(12)
        note_row.addWidget(self._caption(self.tr("Target test loss"), self.target.toolTip()))
        note_row.addWidget(self.target)
        lv.addLayout(note_row)
        lower.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(lower)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 0)
        right.setChildrenCollapsible(False)

        self.results = ResultsArea(top, right, self._side_by_side_width)
        self.results.setObjectName("compareResults")

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setObjectName("compareSplitter")
        body.addWidget(scroll)
        body.addWidget(self.results)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        return body

    def _side_by_side_width(self) -> int:
        """The width the curves and the tiles need side by side: the tiles then stand in
        one or two columns (their own minimum follows the columns they chose)."""
        tile = self.tiles.plot_widgets()[0].minimumWidth()
        return (self.curves.minimumSizeHint().width() + self._top_splitter.handleWidth()
                + 2 * tile + self.tiles.grid.horizontalSpacing())

    def _connect(self) -> None:
        c = self.controller
        c.frame_ready.connect(self._on_frame)
        c.running_changed.connect(self._show_running)
        c.config_changed.connect(self._on_config_changed)
        self.play_button.clicked.connect(c.toggle)
        self.step_button.clicked.connect(lambda: c.step(1))
        self.reset_button.clicked.connect(c.reset)
        self.speed.currentIndexChanged.connect(
            lambda i: c.set_speed(self.speed.itemData(i)))
        self.target.valueChanged.connect(c.set_target)
        s = self.settings
        s.activations_requested.connect(lambda names: self._apply(c.set_activations, names))
        s.changes_requested.connect(lambda changes: self._apply(c.update_config, **changes))
        s.seed_count_requested.connect(lambda n: self._apply(c.set_seed_count, n))
        s.invalid.connect(self._refuse)
        s.notice.connect(self.status_message)
        self._show_running(False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:  # the curves get three fifths of the width at first
            self._sized = True
            w = sum(self._top_splitter.sizes())
            self._top_splitter.setSizes([w * 3 // 5, w - w * 3 // 5])

    # -- public ----------------------------------------------------------------------------

    def plots(self) -> list:
        """The pyqtgraph widgets of this page: the curves, then the four tiles."""
        return [self.curves.plot, *self.tiles.plot_widgets()]

    def export_table(self) -> str | None:
        """Ask for a file name and write the table there; returns the path written."""
        return self._export(self.tr("Export the table"), "compare-table.csv",
                            self.controller.write_table_csv)

    def export_curves(self) -> str | None:
        return self._export(self.tr("Export the curves"), "compare-curves.csv",
                            self.controller.write_curves_csv)

    # -- reactions -------------------------------------------------------------------------

    def _apply(self, method, *args, **kwargs) -> None:
        """Call a controller method; on a ValueError keep everything and say why."""
        try:
            method(*args, **kwargs)
        except ValueError as e:
            self._refuse(str(e))
            return
        c = self.controller
        self.settings.set_state(c.config, c.activations, c.seed_count)

    def _refuse(self, message: str) -> None:
        c = self.controller
        self.settings.set_state(c.config, c.activations, c.seed_count)  # show what is in use
        QMessageBox.warning(self, self.tr("Setting not applied"), self.tr(
            "This setting cannot be used, so nothing was changed:\n\n{0}").format(message))

    def _export(self, title: str, default: str, write) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, default,
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return None
        if not os.path.splitext(path)[1]:
            path += ".csv"
        try:
            write(path)
        except OSError as e:
            QMessageBox.warning(self, title, self.tr("Could not write {0}:\n{1}").format(
                path, e.strerror or str(e)))
            return None
        self.status_message.emit(self.tr("Saved {0}").format(path))
        return path

    def _show_running(self, running: bool) -> None:
        self.curves.set_fast(running)
        self.play_button.setText(self.tr("❚❚  Pause") if running else self.tr("▶  Play"))
        self.step_button.setEnabled(not running)

    def _on_config_changed(self) -> None:
        c = self.controller
        n = c.seed_count
        if n == 1:
            text = self.tr("One seed is one roll of the dice: a lucky or unlucky start can "
                           "decide the race. Repeat over several seeds before drawing a "
                           "conclusion.")
        else:
            text = self.tr("Means over {0} seeds ({1} to {2}): each band spans the best and "
                           "the worst seed; cells show mean ± standard deviation.").format(
                               n, c.seeds[0], c.seeds[-1])
        _set_text(self.seed_note, text)
        self._diverged_seen.clear()

    def _on_frame(self, f) -> None:
        self.curves.set_frame(f)
        self.tiles.set_frame(f)
        if f.rows is not None:
            self.table.set_rows(f.rows, f.target, sum(self.controller.config.hidden))
        c = self.controller
        runs = len(f.activations) * len(f.seeds)
        text = self.tr("epoch {0} · step {1} · {2} networks").format(
            f"{f.epoch:,}", f"{f.step:,}", runs)
        if c.running and c.steps_per_second > 0:
            text += self.tr(" · {0} steps/s each").format(f"{c.steps_per_second:,.0f}")
        _set_text(self.status, text)
        self._report_divergence(f)

    def _report_divergence(self, f) -> None:
        S = len(f.seeds)
        self._diverged_seen &= {r for r, d in enumerate(f.diverged_at) if d is not None}
        for r, step in enumerate(f.diverged_at):
            if step is None or r in self._diverged_seen:
                continue
            self._diverged_seen.add(r)
            name, seed = f.activations[r // S], f.seeds[r % S]
            self.status_message.emit(self.tr(
                "{0} (seed {1}) diverged at step {2}: its weights overflowed, so it stays "
                "frozen there while the others carry on.").format(
                    activation_label(name), seed, f"{step:,}"))
