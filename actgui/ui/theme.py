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


def activation_color(name: str) -> QColor:
    return QColor(ACTIVATION_COLORS.get(name, "#555555"))


def activation_pen(name: str, width: float = 2.0) -> QPen:
    pen = QPen(activation_color(name), width)
    pen.setCosmetic(True)
    if name in _DASHED:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen
