"""Render the app icon for the desktop: resources/icons/hicolor/<n>x<n>/apps/actgui.png.

Source: actgui/resources/actgui.svg (drawn with QSvgRenderer, antialiased, transparent
background) in the sizes icon themes look for, plus a copy of the SVG as
hicolor/scalable/apps/actgui.svg. The PNGs are committed; rerun after changing the SVG:

    python packaging/make_icons.py          # write them
    python packaging/make_icons.py --check  # exit 1 if any is missing or out of date
"""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SVG = os.path.join(ROOT, "actgui", "resources", "actgui.svg")
HICOLOR = os.path.join(ROOT, "resources", "icons", "hicolor")
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> str:
    return os.path.join(HICOLOR, f"{size}x{size}", "apps", "actgui.png")


def render(size: int):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(SVG)
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the committed icons match the SVG")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    stale = []
    for size in SIZES:
        image, path = render(size), png_path(size)
        if args.check:
            old = QImage(path)
            if old.isNull() or old.convertToFormat(QImage.Format.Format_ARGB32) != image:
                stale.append(path)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not image.save(path, "PNG", 0):  # for PNG, quality 0 = most compression (lossless)
            raise SystemExit(f"make_icons: could not write {path}")
        print(f"{os.path.relpath(path, ROOT)}  {os.path.getsize(path):>6} bytes")
    scalable = os.path.join(HICOLOR, "scalable", "apps", "actgui.svg")
    svg = _read(SVG)
    if args.check:
        if not os.path.isfile(scalable) or _read(scalable) != svg:
            stale.append(scalable)
        for path in stale:
            print(f"make_icons: out of date: {os.path.relpath(path, ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    os.makedirs(os.path.dirname(scalable), exist_ok=True)
    with open(scalable, "wb") as f:
        f.write(svg)
    print(os.path.relpath(scalable, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
