"""Friendly stand-ins for the Training and Compare pages until their real versions land."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


def _icon(name: str) -> QIcon:
    return QIcon(str(resources.files("actgui") / "resources" / "icons" / f"{name}.svg"))


class PlaceholderPage(QWidget):
    """A centred card: icon, title, a "coming soon" badge and a short description."""

    status_message = Signal(str)

    def __init__(self, object_name: str, icon: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)

        card = QFrame(self)
        card.setObjectName("placeholderCard")
        card.setMinimumWidth(420)
        card.setMaximumWidth(600)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        card.setStyleSheet(
            "#placeholderCard { background: #FFFFFF; border: 1px solid #D5DEE8;"
            " border-radius: 12px; }"
        )

        picture = QLabel(card)
        picture.setPixmap(_icon(icon).pixmap(72, 72))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.title_label = QLabel(card)
        self.title_label.setObjectName("placeholderTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)

        self.badge_label = QLabel(self.tr("Coming in a future version"), card)
        self.badge_label.setObjectName("placeholderBadge")
        self.badge_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_label.setStyleSheet(
            "#placeholderBadge { color: #0B4F7C; background: #DCEBF7; border-radius: 10px;"
            " padding: 3px 12px; }"
        )
        self.badge_label.setToolTip(self.tr("This page is planned and not available yet."))

        self.text_label = QLabel(card)
        self.text_label.setObjectName("placeholderText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 32)
        inner.setSpacing(14)
        inner.addWidget(picture)
        inner.addWidget(self.title_label)
        inner.addWidget(self.badge_label, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addSpacing(6)
        inner.addWidget(self.text_label)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)

    def set_content(self, title: str, paragraphs: list[str], points: list[str]) -> None:
        self.title_label.setText(title)
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        if points:
            body += "<ul style='margin-left: -20px'>"
            body += "".join(f"<li style='margin-bottom: 4px'>{p}</li>" for p in points)
            body += "</ul>"
        self.text_label.setText(body)

    def plots(self) -> list:
        """Plot widgets on this page (none yet); part of the page contract."""
        return []


class TrainingPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("trainingPage", "training", parent)
        self.set_content(
            self.tr("Live training"),
            [
                self.tr(
                    "Here you will watch a small neural network learn, one step at a time. "
                    "Pick a toy data set and an activation, press Play, and see the decision "
                    "boundary take shape."
                )
            ],
            [
                self.tr("Spot ReLU units that die and stop learning."),
                self.tr("See sigmoid and tanh units saturate, and their gradients fade."),
                self.tr("Follow the loss, step by step, and pause whenever you like."),
            ],
        )


class ComparePage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("comparePage", "compare", parent)
        self.set_content(
            self.tr("Compare activations"),
            [
                self.tr(
                    "Here you will train the same network several times, starting from the "
                    "same weights, changing only the activation function."
                )
            ],
            [
                self.tr("Loss curves side by side show which activation learns fastest."),
                self.tr("The final decision boundaries show where each one ends up."),
                self.tr("Zero-centred and non-zero-centred activations, head to head."),
            ],
        )
