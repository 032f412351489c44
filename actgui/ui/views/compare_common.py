"""Small helpers shared by the Compare page's views: display names and number formats."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from actgui.engine import activations

PM = "\u2009±\u2009"  # thin spaces around the plus-minus sign
PERCENT = "\u00a0%"  # a no-break space keeps "52 %" on one line


def activation_label(name: str) -> str:
    """The activation's display name, translated in the same context as on other pages."""
    return QCoreApplication.translate("activations", activations.label(name))


def fmt_loss(v: float) -> str:
    """Three decimals; scientific when tiny or huge; a dash when undefined."""
    if not math.isfinite(v):
        return "—" if math.isnan(v) else "∞"
    return f"{v:.3f}" if 1e-3 <= abs(v) < 1e4 or v == 0 else f"{v:.2e}"


def fmt_loss_pm(mean: float, std: float, seeds: int) -> str:
    """A loss, or "mean ± std" with the std given to the same decimals as the mean."""
    if seeds == 1 or not math.isfinite(mean) or not math.isfinite(std):
        return fmt_loss(mean)
    if 1e-3 <= abs(mean) < 1e4 or mean == 0:
        return f"{mean:.3f}{PM}{std:.3f}"
    return f"{mean:.2e}{PM}{std:.1e}"


def fmt_share_pm(mean: float, std: float, seeds: int) -> str:
    """A share in [0, 1] as a percentage: "97 %", or "97 ± 2 %" over several seeds."""
    if not math.isfinite(mean):
        return "—"
    if seeds == 1:
        return f"{100 * mean:.0f}{PERCENT}"
    return f"{100 * mean:.0f}{PM}{100 * std:.0f}{PERCENT}"


def fmt_count_pm(mean: float, std: float, seeds: int) -> str:
    """A count: "3", or "2.4 ± 1.1" over several seeds."""
    if not math.isfinite(mean):
        return "—"
    if seeds == 1:
        return f"{mean:.0f}"
    return f"{mean:.1f}{PM}{std:.1f}"
