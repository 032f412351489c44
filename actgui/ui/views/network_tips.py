"""The tooltips of the network diagram, written when asked for from the newest snapshot.

A mixin of `network_view.NetworkView` (listed before QGraphicsView): it answers the viewport's
tooltip events for inputs, units, biases and links, reading the view's snapshot (`_snap`) and
architecture (`_arch`: features, hidden sizes, activations, output kind, outputs). Texts are
also available through `NetworkView.tooltip(key)`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtWidgets import QToolTip

from actgui.engine import datasets
from actgui.ui.i18n import activation_label
from actgui.ui.views.network_items import Links, fmt


class NetworkTips:
    """Tooltip texts of inputs, units, biases and links (see the module docstring)."""

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._snap is not None:
            key = self._key_at(self.mapToScene(event.pos()))
            if key is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(key), self.viewport())
                return True
        return super().viewportEvent(event)

    def _key_at(self, pos: QPointF) -> tuple | None:
        """The key of the topmost item at pos whose tooltip is written on demand; None when
        that item is another one (its own static tooltip applies) or there is none."""
        for item in self.scene().items(pos):
            if isinstance(item, Links):
                hit = item.hit(pos)
                if hit is not None:
                    return ("link", item.layer, *hit)
                continue  # empty space between the links
            return getattr(item, "key", None)
        return None

    def _source(self, l: int, i: int) -> str:
        if l == 0:
            return datasets.feature_label(self._arch[0][i])
        return self.tr("unit {0} of layer {1}").format(i + 1, l)

    def _target(self, l: int, j: int) -> str:
        if l < len(self._arch[1]):
            return self.tr("unit {0} of layer {1}").format(j + 1, l + 1)
        if self._arch[3] == "softmax":
            return self.tr("the output for class {0}").format(j)
        return self.tr("the output")

    def _tip_link(self, l: int, i: int, j: int) -> str:
        return self.tr("w = {0}, from {1} to {2}<br><i>Click to edit it.</i>").format(
            fmt(self.link_weight(l, i, j)), self._source(l, i), self._target(l, j))

    def _tip_bias(self, l: int, j: int) -> str:
        return self.tr("b = {0}, the bias of {1}").format(fmt(self._snap.biases[l][j]),
                                                         self._target(l, j))

    def _tip_input(self, name: str) -> str:
        label = datasets.feature_label(name)
        if name in self._arch[0]:
            return self.tr("Input <b>{0}</b>, scaled to [−1, 1]<br><i>Click to turn it off.</i>"
                           ).format(label)
        return self.tr("<b>{0}</b> is not used<br><i>Click to give it to the network.</i>"
                       ).format(label)

    def _tip_unit(self, l: int, j: int) -> str:
        s = self._snap
        z = s.z[l][:, j]
        lines = []
        if l < len(self._arch[1]):
            st = s.diagnostics.layers[l]
            lines += [
                self.tr("<b>Layer {0}, unit {1}</b> ({2})").format(
                    l + 1, j + 1, activation_label(st.activation)),
                self.tr("z range on the training points: [{0}, {1}]").format(
                    fmt(st.z_min[j], 2), fmt(st.z_max[j], 2)),
                self.tr("Saturated on {0} % of them").format(round(100 * float(st.saturation[j]))),
                self.tr("<b>Dead</b>: its slope is 0 on every training point") if st.dead[j]
                else self.tr("Not dead"),
            ]
        else:
            lines.append(self.tr("<b>{0}</b> ({1})").format(
                self._target(l, j)[0].upper() + self._target(l, j)[1:], self._arch[3]))
            if len(z):
                lines.append(self.tr("z range on the training points: [{0}, {1}]").format(
                    fmt(z.min(), 2), fmt(z.max(), 2)))
        if len(z):
            lines.append(self.tr("Mean output: {0}").format(fmt(s.a[l][:, j].mean())))
        lines.append(self.tr("Bias: {0}").format(fmt(s.biases[l][j])))
        lines.append(self.tr("<i>Click to inspect this unit.</i>"))
        return "<br>".join(lines)
