"""Softmax explorer: logits in, probabilities, Jacobian and cross-entropy gradient out.

The spin boxes hold the state; every change recomputes with the engine once and hands the
arrays to three passive views (actgui.ui.views.softmax_bars / softmax_jacobian).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from actgui.engine import softmax as sm
from actgui.ui.views.fitting import FitHeight
from actgui.ui.views.softmax_bars import GradientView, ProbabilityView
from actgui.ui.views.softmax_controls import T_DEFAULT, LogitControls, TemperatureControl
from actgui.ui.views.softmax_jacobian import JacobianView

CONTROL_WIDTH = 320  # the controls column's width when there is room
CONTROL_MIN_WIDTH = 250  # ... and its least (its contents may ask for more)


class CardSlot(FitHeight):
    """Holds one card, as high as the card needs at its width (its header and caption
    wrap). A grid would go by the card's preferred height for its width instead, which
    could squeeze one card below its minimum to make room for another."""

    def __init__(self, card: QWidget, parent=None):
        super().__init__(parent)
        self.card = card
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(card)

    def sizeHint(self):  # noqa: N802 (Qt override)
        return self.minimumSizeHint()  # the rows' stretch shares out the rest


class SoftmaxPage(QWidget):
    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("softmaxPage")
        self._rng = np.random.default_rng()

        self.logits = LogitControls()
        self.temperature = TemperatureControl()
        self.target = QSpinBox()
        self.target.setObjectName("targetClass")
        self.target.setRange(0, self.logits.count() - 1)
        self.target.setToolTip(self.tr(
            "The correct class y for this example. The loss is −log a_y, and the gradient "
            "pushes this class's logit up and every other one down."))
        self.probabilities = ProbabilityView()
        self.jacobian = JacobianView()
        self.gradient = GradientView()
        self.notes = QTextBrowser()
        self.notes.setObjectName("softmaxNotes")
        self.notes.setOpenExternalLinks(False)
        self.notes.setHtml(self._notes_html())

        self._build_layout()
        self._connect()
        self.refresh()

    # -- public ----------------------------------------------------------------------------
    def plots(self) -> list:
        return [self.probabilities.plot, self.jacobian.plot, self.gradient.plot]

    def refresh(self) -> None:
        """Recompute everything from the controls and redraw the three views."""
        z = self.logits.values()
        k = len(z)
        t = self.temperature.value()
        y = self.target.value()
        p = sm.softmax(z, temperature=t)
        logp = sm.log_softmax(z, temperature=t)
        jac = sm.jacobian(p, temperature=t)
        loss = sm.cross_entropy(z, [y], temperature=t)
        grad = sm.cross_entropy_grad(z, [y], temperature=t)
        self.probabilities.update_view(z, p, logp, y)
        self.jacobian.update_view(p, jac, t)
        self.gradient.update_view(grad, y, loss, t)
        self.state = {"z": z, "k": k, "t": t, "y": y, "p": p, "jacobian": jac,
                      "loss": loss, "grad": grad}

    def reset(self) -> None:
        """Back to the starting logits, temperature and target, redrawn once."""
        self.logits.reset(emit=False)
        self.temperature.set_value(T_DEFAULT, emit=False)
        self.target.blockSignals(True)
        self.target.setRange(0, self.logits.count() - 1)
        self.target.setValue(0)
        self.target.blockSignals(False)
        self.refresh()
        self.status_message.emit(self.tr("Logits, temperature and target class reset."))

    def randomize(self) -> None:
        self.logits.randomize(self._rng)
        self.status_message.emit(self.tr("New random logits."))

    # -- construction ----------------------------------------------------------------------
    def _build_layout(self) -> None:
        target_box = QGroupBox(self.tr("Target class y"))
        row = QHBoxLayout(target_box)
        row.setContentsMargins(8, 6, 8, 8)
        label = QLabel(self.tr("Correct answer for this example"))
        label.setBuddy(self.target)
        row.addWidget(label, 1)
        row.addWidget(self.target)

        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.logits)
        column.addWidget(self.temperature)
        column.addWidget(target_box)
        column.addWidget(self.notes, 1)
        controls = self.controls = QWidget()
        controls.setObjectName("softmaxControls")
        controls.setLayout(column)
        controls.setFixedWidth(CONTROL_WIDTH)

        cards = QWidget()
        cards.setObjectName("softmaxCards")
        self._slots = [CardSlot(c) for c in (self.probabilities, self.jacobian, self.gradient)]
        self._grid = QGridLayout(cards)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._columns = 0
        self._arrange(2)
        # Scrolls only when the window is too small for the cards (they stand in one
        # column then).
        self.cards = QScrollArea()
        self.cards.setObjectName("softmaxCardsArea")
        self.cards.setWidget(cards)
        self.cards.setWidgetResizable(True)
        self.cards.setFrameShape(QFrame.Shape.NoFrame)
        self.cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(8)
        outer.addWidget(controls)
        outer.addWidget(self.cards, 1)

    def _arrange(self, columns: int) -> None:
        """The probabilities across the top with the Jacobian and the gradient side by side
        under them, or (narrow) all three in one column."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for slot in self._slots:
            grid.removeWidget(slot)
            slot.card.title.setWordWrap(columns == 1)  # in one narrow column, so it fits
        for row in range(3):
            grid.setRowStretch(row, 0)
        probabilities, jacobian, gradient = self._slots
        if columns == 2:
            grid.addWidget(probabilities, 0, 0, 1, 2)
            grid.addWidget(jacobian, 1, 0)
            grid.addWidget(gradient, 1, 1)
            grid.setRowStretch(0, 1)
            grid.setRowStretch(1, 1)
            grid.setColumnStretch(1, 1)
        else:
            for row, slot in enumerate(self._slots):
                grid.addWidget(slot, row, 0)
                grid.setRowStretch(row, 1)
            grid.setColumnStretch(1, 0)
        grid.setColumnStretch(0, 1)

    def _share_width(self) -> None:
        """The controls give up width (down to their minimum) before the Jacobian and the
        gradient have to leave their row."""
        outer = self.layout()
        m = outer.contentsMargins()
        inner = self.width() - m.left() - m.right() - outer.spacing()
        spacing = self._grid.horizontalSpacing()
        two = sum(c.minimumSizeHint().width() for c in (self.jacobian, self.gradient)) + spacing
        tall = (self.probabilities.minimumSizeHint().height() + spacing
                + max(c.minimumSizeHint().height() for c in (self.jacobian, self.gradient)))
        if tall > self.height() - m.top() - m.bottom():  # the cards will scroll
            two += self.cards.verticalScrollBar().sizeHint().width()
        least = max(self.controls.layout().minimumSize().width(), CONTROL_MIN_WIDTH)
        width = min(max(inner - two, least), CONTROL_WIDTH)
        if self.controls.width() != width:
            self.controls.setFixedWidth(width)
        self._arrange(2 if inner - width >= two else 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._share_width()

    def _connect(self) -> None:
        self.logits.changed.connect(self._logits_changed)
        self.temperature.changed.connect(self.refresh)
        self.target.valueChanged.connect(self.refresh)
        self.logits.randomize_button.clicked.connect(self.randomize)
        self.logits.reset_button.clicked.connect(self.reset)

    def _logits_changed(self) -> None:
        k = self.logits.count()
        if self.target.maximum() != k - 1:
            self.target.blockSignals(True)
            self.target.setMaximum(k - 1)  # clamps y into 0 .. k-1
            self.target.blockSignals(False)
        self.refresh()

    def _notes_html(self) -> str:
        parts = [
            self.tr("<h3>What softmax does</h3>"
                    "<p>It turns a list of any real numbers, the <i>logits</i>, into "
                    "probabilities: a<sub>i</sub> = e<sup>z<sub>i</sub>/T</sup> / "
                    "Σ<sub>j</sub> e<sup>z<sub>j</sub>/T</sup>. Every a<sub>i</sub> lies "
                    "between 0 and 1, and together they add up to 1. Only the gaps between "
                    "logits count: adding the same number to all of them changes nothing. "
                    "That is also why ±1000 is safe here — the largest logit is subtracted "
                    "before anything is exponentiated.</p>"),
            self.tr("<h3>Temperature</h3>"
                    "<p>The logits are divided by T first. A small T stretches the gaps: as "
                    "T → 0 the largest logit takes nearly all the probability, and the output "
                    "becomes a one-hot vector that simply marks the argmax. A large T shrinks "
                    "the gaps: as T grows every class drifts toward 1/k, the uniform "
                    "guess. The entropy readout tracks this, from 0 bits (certain) to "
                    "log₂ k bits (no idea at all).</p>"),
            self.tr("<h3>The Jacobian</h3>"
                    "<p>Cell (i, j) says how fast a<sub>i</sub> moves when z<sub>j</sub> is "
                    "nudged: a<sub>i</sub>(1 − a<sub>i</sub>)/T on the diagonal, "
                    "−a<sub>i</sub>a<sub>j</sub>/T everywhere else. Raising one logit raises "
                    "its own probability (blue) and takes probability from all the others "
                    "(orange).</p>"
                    "<p>Each column sums to zero because the probabilities always add up to "
                    "1: whatever one class gains, the others lose. Each row sums to zero "
                    "because lifting every logit by the same amount changes nothing. The "
                    "matrix is symmetric, so both facts are the same numbers.</p>"
                    "<p>When one class holds almost all the probability, the whole matrix "
                    "fades to white: softmax is saturated and passes almost no gradient back. "
                    "Using only the diagonal as “the derivative of softmax” is a classic "
                    "bug — the off-diagonal terms matter just as much.</p>"),
            self.tr("<h3>Where it is used</h3>"
                    "<p>Softmax is the usual output layer of a network that picks one of k "
                    "classes: one logit per class in, class probabilities out. Training then "
                    "minimises the cross-entropy L = −log a<sub>y</sub>, which is small when "
                    "the correct class y gets a high probability.</p>"
                    "<p>Together the two have a strikingly simple gradient: ∂L/∂z = a − y, "
                    "where y is the one-hot target (divided by T if T ≠ 1). Every wrong class "
                    "is pushed down by exactly the probability it received; the correct class "
                    "is pushed up by what it is missing.</p>"),
        ]
        return "".join(parts)

