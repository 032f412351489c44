"""Export the plots of a page as PNG and SVG, and the data behind them as CSV.

Everything here takes a widget or a page and a path, and never opens a dialog: the menus in
the main window ask for the paths, and tests call these functions directly. Pictures go
through pyqtgraph's own exporters (``ImageExporter``, ``SVGExporter``), so what is written is
what pyqtgraph draws; PNGs at 2x or 4x are drawn the way a high-resolution screen would show
the plot (see ``_ScaledImageExporter``), not as an enlarged 1x picture.

Writing is all or nothing: every file is first written under a temporary name in its target
folder and renamed into place (``os.replace``) only when all of them were written, so a full
disk or a read-only folder leaves no half-written file behind. Failures raise ``OSError``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import secrets
import sys
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen, QPicture
from PySide6.QtWidgets import QGraphicsItem

# objectName of a plot widget -> the short name used in file names and CSV headers.
_SLUGS = {
    "activationPlot": "f",
    "derivativePlot": "df",
    "probabilityPlot": "probabilities",
    "jacobianView": "jacobian",
    "gradientPlot": "gradient",
    "boundaryPlot": "boundary",
    "curvesGraphics": "curves",
    "compareCurves": "curves",
}
_TILE = re.compile(r"compareTile(\d+)$")


def plot_titles() -> dict[str, str]:
    """Readable, translated names for the plots, by slug (used in the Export menu)."""
    return {
        "f": QCoreApplication.translate("export", "Activation f(z)"),
        "df": QCoreApplication.translate("export", "Derivative f′(z)"),
        "probabilities": QCoreApplication.translate("export", "Probabilities"),
        "jacobian": QCoreApplication.translate("export", "Jacobian"),
        "gradient": QCoreApplication.translate("export", "Cross-entropy gradient"),
        "boundary": QCoreApplication.translate("export", "Decision boundary"),
        "curves": QCoreApplication.translate("export", "Training curves"),
    }


def plot_title(slug: str) -> str:
    titles = plot_titles()
    if slug in titles:
        return titles[slug]
    match = re.match(r"tile(\d+)(?:-(.+))?$", slug)
    if match:
        title = QCoreApplication.translate("export", "Boundary tile {0}").format(match.group(1))
        return f"{title} ({match.group(2)})" if match.group(2) else title
    return slug


# -- naming ------------------------------------------------------------------------------------

def slugify(text: str, camel: bool = False) -> str:
    """Lower-case ASCII letters, digits and single dashes: safe in any file system.
    With ``camel``, "someName" becomes "some-name"."""
    if camel:
        text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", text)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plot_slug(widget) -> str:
    """Short name of a plot widget, such as "f" or "boundary"."""
    name = widget.objectName()
    if name in _SLUGS:
        return _SLUGS[name]
    match = _TILE.match(name)
    if match:
        slug = f"tile{int(match.group(1)) + 1}"
        title = _plot_title_text(widget)
        return f"{slug}-{slugify(title)}" if slugify(title) else slug
    return slugify(name, camel=True) or "plot"


def _plot_title_text(widget) -> str:
    """The bold part of a PlotItem's title (a tile's activation), as plain text."""
    if not isinstance(widget, pg.PlotWidget):
        return ""
    html = widget.getPlotItem().titleLabel.text or ""
    bold = re.search(r"<b>(.*?)</b>", html)
    text = bold.group(1) if bold else html
    return re.sub(r"<[^>]+>", "", text)


def page_plots(page) -> list[tuple[str, object]]:
    """(slug, widget) for each plot of a page that is not switched off, in the page's order.

    Slugs are unique within the page (a repeat gets "-2", "-3" ...)."""
    out: list[tuple[str, object]] = []
    seen: dict[str, int] = {}
    for widget in page.plots():
        if widget.isHidden():  # e.g. a compare tile for an activation that is not chosen
            continue
        slug = plot_slug(widget)
        seen[slug] = seen.get(slug, 0) + 1
        if seen[slug] > 1:
            slug = f"{slug}-{seen[slug]}"
        out.append((slug, widget))
    return out


def figure_name(page_name: str, slug: str, ext: str) -> str:
    """File name such as "activations-f.png"."""
    return f"{page_name}-{slug}.{ext}"


def csv_name(page_name: str) -> str:
    """Suggested file name for a page's data."""
    what = {"training": "history", "softmax": "values"}.get(page_name, "curves")
    return f"{page_name}-{what}.csv"


# -- pictures ----------------------------------------------------------------------------------

def export_target(widget):
    """What pyqtgraph's exporters should draw for a widget: the PlotItem of a PlotWidget,
    the central layout of a GraphicsLayoutWidget, else the whole scene."""
    if isinstance(widget, pg.PlotWidget):
        return widget.getPlotItem()
    if isinstance(widget, pg.GraphicsLayoutWidget):
        return widget.ci
    if isinstance(widget, pg.GraphicsView):
        return widget.scene()
    raise TypeError(f"not a pyqtgraph widget: {type(widget).__name__}")


class _ScaledPenPainter(QPainter):
    """A painter that widens cosmetic pens by a factor.

    pyqtgraph draws its lines with cosmetic pens, whose width is in device pixels whatever
    the transformation or device pixel ratio, so in a 4x image a 2 px curve would still be
    2 px wide. pyqtgraph's items are Python objects and receive this very painter, so their
    ``setPen`` calls come through here."""

    def __init__(self, device, factor: float) -> None:
        super().__init__(device)
        self._factor = factor

    def setPen(self, pen) -> None:  # noqa: N802 (Qt override)
        try:
            pen = QPen(pen)  # also from a QColor or a Qt.PenStyle
        except TypeError:
            super().setPen(pen)
            return
        if pen.isCosmetic() and pen.style() != Qt.PenStyle.NoPen:
            pen.setWidthF(max(pen.widthF(), 1.0) * self._factor)  # width 0 means 1 px
        super().setPen(pen)


class _ScaledImageExporter(pg_exporters.ImageExporter):
    """pyqtgraph's ImageExporter, drawing at a device pixel ratio instead of a zoom.

    The stock exporter makes a large image by scaling the whole scene. Cosmetic pens (all
    of pyqtgraph's lines) and items that ignore transformations (legends, text labels)
    stay at their screen size then, so at 4x the curves are hairlines and the legend a
    postage stamp. Painting into an image whose device pixel ratio is the scale, with
    cosmetic pens widened as much, is what a high-resolution screen shows: everything is
    ``scale`` times larger and sharp.
    """

    def render_scaled(self, scale: float) -> QImage:
        target = self.getTargetRect()
        width = max(1, round(target.width() * scale))
        height = max(1, round(target.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(self.params["background"])
        antialias = self.params["antialias"]
        painter = _ScaledPenPainter(image, scale)
        try:
            with _painted_directly(self.getScene().items(), scale):
                self.setExportMode(True, {"antialias": antialias,
                                          "background": self.params["background"],
                                          "painter": painter, "resolutionScale": 1.0})
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
                self.getScene().render(painter, QRectF(0, 0, width / scale, height / scale),
                                       QRectF(self.getSourceRect()))
        finally:
            self.setExportMode(False)
            painter.end()
        image.setDevicePixelRatio(1.0)
        # Same physical size as on a 96 dpi screen, for programs that read the resolution.
        dots_per_metre = round(96 / 0.0254 * scale)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        return image


@contextlib.contextmanager
def _painted_directly(items, scale: float):
    """While exporting, let every pen reach the export painter.

    Items with a pixmap cache would paint into their cache with a painter of Qt's, so the
    cache is off for the export. An axis (and a bar graph with several pens) replays a
    QPicture recorded earlier; those pictures are recorded again through a scaled painter,
    and dropped afterwards so that the screen records its own again."""
    none = QGraphicsItem.CacheMode.NoCache
    cached = [(item, item.cacheMode()) for item in items if item.cacheMode() != none]
    pictured = []
    try:
        for item, _ in cached:
            item.setCacheMode(none)
        for item in items:
            record = _picture_recorder(item)
            if record is not None:
                picture = QPicture()
                painter = _ScaledPenPainter(picture, scale)
                try:
                    record(painter)
                finally:
                    painter.end()
                item.picture = picture
                pictured.append(item)
        yield
    finally:
        for item in pictured:
            item.picture = None
            item.update()
        for item, mode in cached:
            item.setCacheMode(mode)


def _picture_recorder(item) -> Callable | None:
    """How to record an item's QPicture on a given painter, for the items that keep one."""
    if isinstance(item, pg.AxisItem) and hasattr(item, "generateDrawSpecs"):
        def record_axis(painter) -> None:
            if item.style.get("tickFont"):
                painter.setFont(item.style["tickFont"])
            specs = item.generateDrawSpecs(painter)
            if specs is not None:
                item.drawPicture(painter, *specs)
        return record_axis
    if isinstance(item, pg.BarGraphItem) and hasattr(item, "_render") \
            and not getattr(item, "_singleColor", True):
        return item._render
    return None


def render_image(widget, scale: float = 1) -> QImage:
    """The plot as an image of ``scale`` times its size on screen (in logical pixels)."""
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale}")
    image = _ScaledImageExporter(export_target(widget)).render_scaled(scale)
    if image.isNull():
        raise OSError(QCoreApplication.translate(
            "export", "The plot could not be drawn into an image."))
    return image


def png_bytes(widget, scale: float = 1) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_image(widget, scale).save(buffer, "PNG"):
        raise OSError(QCoreApplication.translate(
            "export", "The image could not be encoded as PNG."))
    buffer.close()
    return bytes(data.data())


def svg_bytes(widget) -> bytes:
    allow_closed_svg_paths()
    return pg_exporters.SVGExporter(export_target(widget)).export(toBytes=True)


def export_png(widget, path: str, scale: float = 1) -> str:
    """Write one plot as PNG at ``scale`` (1, 2, 4 ...) times its size on screen."""
    write_files([(path, _bytes_writer(png_bytes(widget, scale)))])
    return path


def export_svg(widget, path: str) -> str:
    write_files([(path, _bytes_writer(svg_bytes(widget)))])
    return path


def export_figure(widget, path: str, scale: float = 1) -> str:
    """PNG or SVG, chosen by the file name's extension (PNG when there is none)."""
    if os.path.splitext(path)[1].lower() == ".svg":
        return export_svg(widget, path)
    if not os.path.splitext(path)[1]:
        path += ".png"
    return export_png(widget, path, scale)


def export_all(page, page_name: str, folder: str, scale: float = 1) -> list[str]:
    """One PNG and one SVG per plot of a page, written into ``folder``; returns the paths.

    Nothing is written unless every picture could be drawn and saved."""
    jobs = []
    for slug, widget in page_plots(page):
        jobs.append((os.path.join(folder, figure_name(page_name, slug, "png")),
                     _bytes_writer(png_bytes(widget, scale))))
        jobs.append((os.path.join(folder, figure_name(page_name, slug, "svg")),
                     _bytes_writer(svg_bytes(widget))))
    write_files(jobs)
    return [path for path, _ in jobs]


def allow_closed_svg_paths() -> None:
    """Let pyqtgraph's SVG exporter cope with closed paths ("... L0,0 Z").

    Recent Qt versions end closed paths (a ViewBox's background, every bar) with "Z", and
    pyqtgraph 0.14.0 then fails in ``correctCoordinates`` with "not enough values to unpack"
    (pyqtgraph issue #3495). The wrapper takes the "Z" commands out of every path, lets
    pyqtgraph transform the coordinates, and puts them back. It is installed only when a
    probe shows that the installed pyqtgraph still fails, so a fixed release goes untouched.
    """
    module = sys.modules[pg_exporters.SVGExporter.__module__]
    original = module.correctCoordinates
    if getattr(original, "_actgui_closed_paths", False) or _handles_closed_paths(original):
        return

    def correct_coordinates(node, defs, item, options):
        closes: list[tuple[object, list[int]]] = []
        for path in node.getElementsByTagName("path"):
            tokens = _CLOSE.sub(" Z ", path.getAttribute("d")).split()
            if "Z" not in tokens:
                continue
            coords = [t for t in tokens if t != "Z"]
            # After how many coordinate tokens each "Z" came.
            at, count = [], 0
            for t in tokens:
                if t == "Z":
                    at.append(count)
                else:
                    count += 1
            path.setAttribute("d", " ".join(coords))
            closes.append((path, at))
        original(node, defs, item, options)
        for path, at in closes:
            coords = path.getAttribute("d").split()
            for pos in reversed(at):
                coords.insert(pos, "Z")
            path.setAttribute("d", " ".join(coords))

    correct_coordinates._actgui_closed_paths = True
    correct_coordinates.__wrapped__ = original
    module.correctCoordinates = correct_coordinates


_CLOSE = re.compile(r"\s*[Zz]\s*")


def _handles_closed_paths(correct) -> bool:
    from xml.dom import minidom

    doc = minidom.parseString(
        '<g><g transform="matrix(1,0,0,1,0,0)"><path d="M0,0 L1,0 Z"/></g></g>')
    try:
        correct(doc.documentElement, [], None, {})
    except ValueError:
        return False
    return True


# -- data --------------------------------------------------------------------------------------

def curve_columns(page) -> list[tuple[str, np.ndarray]]:
    """(header, values) for every drawn curve and bar set of a page: an x and a y column each.

    Hidden items and items without data are left out; the header names the plot and the
    curve, e.g. "f Sigmoid x"."""
    columns: list[tuple[str, np.ndarray]] = []
    for slug, widget in page_plots(page):
        plots = _plot_items(widget)
        for plot in plots:
            for n, item in enumerate(plot.listDataItems(), start=1):
                if not item.isVisible():
                    continue
                xy = _item_data(item)
                if xy is None:
                    continue
                name = item.name() if isinstance(item, pg.PlotDataItem) else None
                parts = [slug, _title_text(plot) if len(plots) > 1 else "",
                         name or QCoreApplication.translate("export", "curve {0}").format(n)]
                label = " ".join(p for p in parts if p)
                columns.append((f"{label} x", xy[0]))
                columns.append((f"{label} y", xy[1]))
    return columns


def _plot_items(widget) -> list:
    if isinstance(widget, pg.PlotWidget):
        return [widget.getPlotItem()]
    if isinstance(widget, pg.GraphicsLayoutWidget):
        return [i for i in widget.ci.items if isinstance(i, pg.PlotItem)]
    return [i for i in widget.scene().items() if isinstance(i, pg.PlotItem)]


def _title_text(plot) -> str:
    text = plot.titleLabel.text if plot.titleLabel.isVisible() else ""
    return re.sub(r"<[^>]+>", "", text or "").strip()


def _item_data(item) -> tuple[np.ndarray, np.ndarray] | None:
    if isinstance(item, pg.PlotDataItem):
        x, y = item.getData()
    elif isinstance(item, pg.BarGraphItem):
        x, y = item.opts.get("x"), item.opts.get("height")
    else:
        return None
    if x is None or y is None or len(x) == 0:
        return None
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def write_columns_csv(path: str, columns: Sequence[tuple[str, Iterable]]) -> None:
    """Columns side by side; shorter columns end in empty cells."""
    write_files([(path, _text_writer(_columns_text(columns)))])


def _columns_text(columns: Sequence[tuple[str, Iterable]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([header for header, _ in columns])
    values = [list(v) for _, v in columns]
    for r in range(max((len(v) for v in values), default=0)):
        w.writerow([_num(v[r]) if r < len(v) else "" for v in values])
    return out.getvalue()


def history_columns(page) -> list[tuple[str, np.ndarray]]:
    """The training history of a training page: step, epoch, losses and accuracies."""
    controller = page.controller
    snapshot = controller.snapshot or controller.trainer.snapshot()
    return list(snapshot.history.items())


def softmax_columns(page) -> list[tuple[str, np.ndarray]]:
    """One row per class of the softmax page: logit, probability, gradient, Jacobian row."""
    s = page.state
    k = len(s["z"])
    target = np.zeros(k)
    target[s["y"]] = 1.0
    columns = [("class", np.arange(k)), ("logit", s["z"]), ("target", target),
               ("temperature", np.full(k, s["t"])), ("probability", s["p"]),
               ("loss_gradient", s["grad"])]
    columns += [(f"d_a_i/d_z_{j}", s["jacobian"][:, j]) for j in range(k)]
    return columns


def write_page_csv(page, path: str) -> str:
    """The data of a page as CSV: the compare page's own curve file, the training history,
    the softmax values, or the x and y of every drawn curve."""
    controller = getattr(page, "controller", None)
    if hasattr(controller, "write_curves_csv"):
        write_files([(path, controller.write_curves_csv)])
    elif hasattr(controller, "snapshot"):
        write_columns_csv(path, history_columns(page))
    elif isinstance(getattr(page, "state", None), dict) and "p" in page.state:
        write_columns_csv(path, softmax_columns(page))
    else:
        columns = curve_columns(page)
        if not columns:
            raise ValueError(QCoreApplication.translate(
                "export", "This page has no curves to export."))
        write_columns_csv(path, columns)
    return path


def _num(v) -> str:
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    text = repr(float(v))  # shortest text that reads back as the same float
    return text[:-2] if text.endswith(".0") else text


# -- writing -----------------------------------------------------------------------------------

Writer = Callable[[str], None]


def _bytes_writer(data: bytes) -> Writer:
    def write(path: str) -> None:
        with open(path, "wb") as f:
            f.write(data)
    return write


def _text_writer(text: str) -> Writer:
    def write(path: str) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            f.write(text)
    return write


def write_files(jobs: Sequence[tuple[str, Writer]]) -> None:
    """Run each writer on a temporary file beside its target, then rename them all into
    place. If any writer fails, the temporary files are removed and nothing is replaced."""
    staged: list[tuple[str, str]] = []
    try:
        for path, write in jobs:
            folder, name = os.path.split(os.path.abspath(path))
            # Not mkstemp: its files are private (0600), and the rename would keep that.
            tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
            staged.append((tmp, path))
            write(tmp)
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.remove(tmp)
        raise
