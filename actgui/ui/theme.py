"""Colours and pens shared by every page, chosen to stay distinguishable with colour blindness.

Activation colours come from the Okabe-Ito palette, extended with Paul Tol's muted colours;
past eight curves a dash pattern also tells them apart. Each activation keeps its colour on
every page, so the compare view matches the activation explorer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

ACTIVATION_COLORS = {
    "sigmoid": "#0072B2",  # blue
    "tanh": "#E69F00",  # orange
    "relu": "#009E73",  # bluish green
    "leaky_relu": "#D55E00",  # vermillion
    "elu": "#CC79A7",  # reddish purple
    "softplus": "#56B4E9",  # sky blue
    "silu": "#882255",  # wine
    "gelu": "#661100",  # dark brown (ReLU already has the green)
    "gelu_tanh": "#999933",  # olive
    "mish": "#332288",  # indigo
    "softsign": "#AA4499",  # purple
    "hard_tanh": "#44AA99",  # teal
    "hard_sigmoid": "#6699CC",  # light blue
    "linear": "#555555",  # grey
}
_DASHED = {"gelu_tanh", "mish", "softsign", "hard_tanh", "hard_sigmoid", "linear"}

# Signs (weights, decision boundary): blue for positive, orange for negative, as learners know
# from TensorFlow Playground; both read apart under every common colour-vision deficiency.
POSITIVE = "#0072B2"
NEGATIVE = "#E69F00"
DEAD = "#D62728"  # dead units (drawn with a cross, so shape carries it too) and dead zones
# Saturation gets reddish purple, not orange: orange already means "negative".
SATURATED = "#CC79A7"
PROBE = "#444444"
CHECK = "#000000"  # finite-difference overlays


# -- dark scheme --------------------------------------------------------------------------------
# Every colour above is chosen for a light background. On a dark one the hues stay; only the
# colours too dark to read there (the neutral inks of text, axes and outlines, three data colours
# and the pale card and banner backgrounds) swap to the counterpart below. The map is one to one
# and no dark colour is also a light one, so applying it twice changes nothing and it inverts.
DARK_COLORS = {
    # text, axes, outlines (pyqtgraph's default foreground is black)
    "#000000": "#e8e8e8", "#222222": "#e0e0e0", "#333333": "#d4d4d4", "#3a4a5a": "#c3cdd7",
    "#444444": "#c8c8c8", "#555555": "#bcbcbc", "#5a5a5a": "#a6a6a6", "#5b6b7b": "#a3b1bf",
    "#666666": "#acacac", "#1f2933": "#e3e7eb", "#12324d": "#d3e4f5", "#0b2e4a": "#e6f0fa",
    "#9a9a9a": "#737373", "#b4b4b4": "#6a6a6a", "#d2d2d2": "#4a4a4a",
    # coloured text darkened for white paper, lightened again
    "#9e4a80": "#e08cc0", "#a36f00": "#e6a833", "#8a5a00": "#e0b04a", "#2b6e3f": "#6fcf8f",
    "#4a3b00": "#f2e2a6", "#5c0b0b": "#f5c6c4",
    # backgrounds and borders of plots, cards, banners, lists and the sidebar
    "#ffffff": "#1e1f22", "#fbfbfd": "#26282c", "#f2f5f8": "#24272b", "#f3f3f3": "#34373c",
    "#f7f9fb": "#2a2d31", "#d5dee8": "#3a4048", "#d4d7de": "#41454c", "#d4d7dc": "#43474e",
    "#c8d0d8": "#4a525b", "#e3ecf5": "#333a42", "#cfe2f3": "#2f4a63", "#dce9f5": "#2c4459",
    "#dcebf7": "#22384b", "#b9cce0": "#4a6580", "#eaf3fb": "#1e2f3d", "#9cc3e4": "#3d6c8f",
    "#fff4ce": "#3a3214", "#e0b300": "#a88600", "#fde2e1": "#3d1d1d", "#e3f2e5": "#23402a",
    # data colours that vanish on a dark background (wine, dark brown, indigo), replaced by
    # Paul Tol's light pink and sand and a light indigo: still apart from the others
    "#882255": "#ffaabb", "#661100": "#ddcc77", "#332288": "#8877cc",
}
_LIGHT_COLORS = {dark: light for light, dark in DARK_COLORS.items()}
_dark = False


def set_dark(on: bool) -> None:
    """Switch the colours handed out by ink() (actgui.ui.appearance calls this)."""
    global _dark
    _dark = bool(on)


def is_dark() -> bool:
    return _dark


def ink(color: str) -> str:
    """`color` (chosen for a light background) as drawn in the current scheme."""
    return DARK_COLORS.get(QColor(color).name(), color) if _dark else color


def remap(color: QColor, dark: bool) -> QColor | None:
    """The counterpart of `color` in the other scheme (alpha kept), or None if it has none."""
    table = DARK_COLORS if dark else _LIGHT_COLORS
    other = table.get(color.name())
    if other is None:
        return None
    out = QColor(other)
    out.setAlpha(color.alpha())
    return out


def activation_color(name: str) -> QColor:
    return QColor(ink(ACTIVATION_COLORS.get(name, "#555555")))


def activation_pen(name: str, width: float = 2.0) -> QPen:
    pen = QPen(activation_color(name), width)
    pen.setCosmetic(True)
    if name in _DASHED:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen
