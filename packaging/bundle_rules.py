"""What actgui's PyInstaller bundle leaves out, and what it must contain.

Shared by ``actgui.spec`` (module excludes), the Qt hooks in ``hooks/`` (plugins and Qt
translations), ``build.py`` (post-build strip, manifest check) and
``tests/benchmarks/bench_bundle.py``. Plain Python: no PyInstaller or Qt import at module level.

The app uses QtCore, QtGui, QtWidgets, QtSvg (the SVG icons) and, because pyqtgraph 0.14
imports them unconditionally, QtOpenGL and QtOpenGLWidgets. Everything else Qt ships is left
out; see ``KEEP_PLUGINS`` for the plugins that stay and why.
"""

from __future__ import annotations

import fnmatch
import os
import sys

APP = "actgui"

# -- Python modules --------------------------------------------------------------------------

# PySide6 modules actgui never imports. pyqtgraph imports QtTest inside try/except (it only
# adds qWait for pyqtgraph's own tests); QtNetwork and QtDBus are dragged in by hooks only.
UNUSED_QT_MODULES = (
    "QtTest", "QtNetwork", "QtDBus", "QtPrintSupport", "QtSql", "QtXml", "QtConcurrent",
    "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtQuickTest", "QtQuick3D",
    "QtDesigner", "QtHelp", "QtUiTools", "QtSvgWidgets", "QtMultimedia",
    "QtMultimediaWidgets", "QtWebEngineCore", "QtWebEngineWidgets", "QtWebChannel",
    "QtWebSockets", "QtCharts", "QtDataVisualization", "QtGraphs", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtLocation", "QtBluetooth", "QtNfc", "QtSensors", "QtSerialPort",
    "QtSerialBus", "QtRemoteObjects", "QtScxml", "QtStateMachine", "QtTextToSpeech",
    "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras",
    "QtSpatialAudio", "QtHttpServer", "QtNetworkAuth", "QtWebView", "QtAxContainer",
)

EXCLUDED_MODULES = [
    # Other Qt bindings (pyqtgraph would try them) and unused PySide6 modules.
    "PyQt5", "PyQt6", "PySide2", "sip",
    *(f"PySide6.{name}" for name in UNUSED_QT_MODULES),
    # pyqtgraph's optional extras: 3-D (PyOpenGL), Jupyter, the examples, GPU and JIT back ends.
    "pyqtgraph.opengl", "pyqtgraph.jupyter", "pyqtgraph.examples", "OpenGL", "jupyter_rfb",
    "cupy", "numba", "h5py", "metaarray", "colorcet",
    # Heavy packages that may sit in the build environment (PyTorch for the benchmarks).
    "torch", "scipy", "matplotlib", "pandas", "PIL", "sympy", "mpmath", "networkx",
    "IPython", "jedi", "pytest", "hypothesis", "setuptools", "pkg_resources", "pip",
    "tkinter", "_tkinter",
    # The standard library copes without these by design (Python built without OpenSSL or
    # readline): no TLS or OpenSSL hashes are needed, and nothing reads a terminal. Saves
    # libcrypto and libssl (5.4 MB).
    "ssl", "_ssl", "_hashlib", "readline",
    # NumPy's Fortran wrapper generator and pydoc's help topics: tools, not used by an app.
    "numpy.f2py", "pydoc_data",
]

# -- system libraries ------------------------------------------------------------------------

# Shared libraries PyInstaller would copy from the build machine that are left to the system,
# as the README's install section requires them anyway (libdbus-1-3, libglib2.0-0,
# libfontconfig1, libxkbcommon0; libegl1 and libgl1 PyInstaller never bundles): every Linux
# desktop has them, and a copy from the build machine can clash with the system's own
# configuration and daemons (fonts.conf, the D-Bus daemon, GLib modules the desktop loads).
# Also the libraries only these depend on. The X11/xcb libraries stay in the bundle: some
# (libxcb-cursor0, libxcb-icccm4 ...) are often missing on desktops without Qt 6 apps.
SYSTEM_LIBS = (
    "libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "libgpg-error.so.0",
    "liblz4.so.1", "libzstd.so.1", "libcap.so.2",
    "libglib-2.0.so.0", "libgthread-2.0.so.0", "libgobject-2.0.so.0", "libgio-2.0.so.0",
    "libgmodule-2.0.so.0", "libpcre2-8.so.0",
    "libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1", "libpng16.so.16",
    "libbrotlidec.so.1", "libbrotlicommon.so.1", "libz.so.1",
    "libxkbcommon.so.0",
    # The C++ runtime: the Qt, PySide6 and NumPy wheels are manylinux builds that need only an
    # old libstdc++, and a copy from the build machine would shadow a newer system one that
    # the desktop's own libraries (Mesa drivers, input methods) may need.
    "libstdc++.so.6", "libgcc_s.so.1",
)


def keep_binary(dest: str) -> bool:
    """False for the system libraries above (PyInstaller puts them at the top of _internal)."""
    return not (sys.platform.startswith("linux") and dest in SYSTEM_LIBS)


def keep_data(dest: str) -> bool:
    """False for data files nothing reads: pyqtgraph's logo in PNG sizes (only pg.mkQApp()
    uses it, to give an app it creates itself an icon; actgui creates its own app)."""
    dest = dest.replace("\\", "/")
    return not (dest.startswith("pyqtgraph/icons/peegee/") and dest.endswith(".png"))

# -- Qt plugins and translations -------------------------------------------------------------

# Plugin type -> plugin names kept ("libqxcb.so", "qxcb.dll" and "libqxcb.dylib" are all
# "qxcb"). A type not listed here is left out entirely: tls and networkinformation
# (QtNetwork), sqldrivers, printsupport, generic (evdev/tuio input for embedded devices),
# egldeviceintegrations (eglfs), xcbglintegrations and wayland-graphics-integration-* (OpenGL
# windows: pyqtgraph draws with QPainter), qmltooling, designer, vectorimageformats.
KEEP_PLUGINS = {
    # offscreen for CI and --screenshot; xcb for X11 (and XWayland); wayland for native
    # Wayland sessions; windows / cocoa on those systems.
    "platforms": {"qoffscreen", "qxcb", "qwayland", "qwindows", "qdirect2d", "qcocoa"},
    # xdg-desktop-portal gives native file dialogs (also inside Flatpak/Snap); gtk3 would
    # pull all of GTK into the bundle.
    "platformthemes": {"qxdgdesktopportal"},
    # Dead keys and compose sequences; IBus input methods (Chinese, for file names).
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
    # The app and page icons are SVG (PNG is built into QtGui; nothing reads JPEG, GIF ...).
    "imageformats": {"qsvg"},
    "iconengines": {"qsvgicon"},
    # The native widget styles on Windows and macOS (Linux uses Fusion, built in).
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    # Window management and title bars under Wayland.
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"adwaita", "bradient"},
}


def plugin_name(filename: str) -> str:
    """"libqxcb.so" / "qxcb.dll" / "libqxcb.dylib" -> "qxcb"."""
    stem = os.path.basename(filename).split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(plugin_type: str, filename: str) -> bool:
    return plugin_name(filename) in KEEP_PLUGINS.get(plugin_type, ())


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def app_languages(root: str = ROOT) -> list[str]:
    """The languages actgui ships a catalogue for ("zh_CN" for actgui_zh_CN.qm)."""
    folder = os.path.join(root, "actgui", "resources", "translations")
    return sorted(name[len("actgui_"):-len(".qm")] for name in os.listdir(folder)
                  if name.startswith("actgui_") and name.endswith(".qm"))


def keep_translation(filename: str, languages) -> bool:
    """Qt's own catalogues: only qtbase (standard dialogs and buttons) in our languages."""
    return os.path.basename(filename) in {f"qtbase_{lang}.qm" for lang in languages}


def slim_qt_files(hiddenimports, binaries, datas, languages=None):
    """Filter what PyInstaller's Qt hook collects for one PySide6 module.

    `binaries` / `datas` are (source path, destination folder) pairs as hooks return them.
    A plugin lives in ``.../plugins/<type>/``; a translation ends in ``.qm``.
    """
    languages = app_languages() if languages is None else languages
    kept_binaries = []
    for src, dest in binaries:
        parts = os.path.normpath(dest).replace("\\", "/").split("/")
        if "plugins" in parts[:-1]:
            plugin_type = "/".join(parts[parts.index("plugins") + 1:])
            if not keep_plugin(plugin_type, src):
                continue
        kept_binaries.append((src, dest))
    kept_datas = [(src, dest) for src, dest in datas
                  if not src.endswith(".qm") or keep_translation(src, languages)]
    hidden = [name for name in hiddenimports
              if name.split(".")[-1] not in UNUSED_QT_MODULES]
    return hidden, kept_binaries, kept_datas


# -- the finished bundle ---------------------------------------------------------------------

def platform_tag() -> str:
    """"linux-x86_64", "windows-x86_64", "macos-arm64" ... for the archive's name."""
    import platform

    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    if system.startswith("linux"):
        system = "linux"
    return f"{system}-{machine}"


def manifest() -> list[str]:
    """Files (glob patterns, relative to dist/actgui/) every bundle must contain."""
    if sys.platform.startswith("linux"):
        qt = "_internal/PySide6/Qt"
        return [
            APP,  # the executable
            "_internal/libpython3*.so*",
            f"{qt}/lib/libQt6Core.so.6",
            f"{qt}/lib/libQt6Gui.so.6",
            f"{qt}/lib/libQt6Widgets.so.6",
            f"{qt}/lib/libQt6Svg.so.6",
            f"{qt}/lib/libQt6OpenGL.so.6",
            f"{qt}/lib/libQt6OpenGLWidgets.so.6",
            f"{qt}/lib/libicudata.so.*",
            f"{qt}/plugins/platforms/libqoffscreen.so",
            f"{qt}/plugins/platforms/libqxcb.so",
            f"{qt}/plugins/imageformats/libqsvg.so",
            f"{qt}/plugins/iconengines/libqsvgicon.so",
            f"{qt}/translations/qtbase_zh_CN.qm",
            "_internal/numpy.libs/libscipy_openblas*.so",
            "_internal/actgui/resources/actgui.svg",
            "_internal/actgui/resources/actgui.png",
            "_internal/actgui/resources/icons/training.svg",
            "_internal/actgui/resources/translations/actgui_zh_CN.qm",
            # Desktop integration (build.py adds it): menu entry, file type, icons.
            "install-desktop.sh",
            "share/applications/actgui.desktop",
            "share/mime/packages/actgui.xml",
            "share/metainfo/org.actgui.actgui.metainfo.xml",
            "share/icons/hicolor/256x256/apps/actgui.png",
            "share/icons/hicolor/scalable/apps/actgui.svg",
        ]
    if sys.platform == "win32":
        qt = "_internal/PySide6"
        return [
            f"{APP}.exe", "_internal/python3*.dll", f"{qt}/Qt6Core.dll",
            f"{qt}/plugins/platforms/qwindows.dll", f"{qt}/plugins/platforms/qoffscreen.dll",
            f"{qt}/plugins/imageformats/qsvg.dll", f"{qt}/translations/qtbase_zh_CN.qm",
            "_internal/actgui/resources/actgui.png",
            "_internal/actgui/resources/translations/actgui_zh_CN.qm",
        ]
    return [APP]  # macOS: see packaging/README.md (the .app is checked by --self-test)


# Files that must NOT be there: each would mean the slimming stopped working.
# Patterns match the path relative to dist/actgui/, "*" spanning folders.
FORBIDDEN = [
    "*/libQt6Network*", "*/libQt6Qml*", "*/libQt6Quick*", "*/libQt6Test*", "*Qt6Network.dll",
    "*/PySide6/QtNetwork.*", "*/PySide6/QtTest.*", "*/PySide6/QtDBus.*",
    "*/libqgtk3*", "*/libgtk-3*",
    "*/plugins/tls/*", "*/plugins/sqldrivers/*", "*/translations/qtbase_de.qm",
    "*/torch/*", "*/scipy/*", "*/matplotlib/*",
]


def check_bundle(folder: str) -> list[str]:
    """Problems with a built bundle folder (dist/actgui): missing and forbidden files."""
    import glob

    problems = []
    for pattern in manifest():
        if not glob.glob(os.path.join(folder, pattern)):
            problems.append(f"missing: {pattern}")
    exe = os.path.join(folder, APP + (".exe" if sys.platform == "win32" else ""))
    if os.path.isfile(exe) and sys.platform != "win32" and not os.access(exe, os.X_OK):
        problems.append(f"not executable: {exe}")
    files = [os.path.relpath(os.path.join(d, f), folder).replace(os.sep, "/")
             for d, _, names in os.walk(folder) for f in names]
    for pattern in FORBIDDEN:
        hits = [f for f in files if fnmatch.fnmatchcase(f, pattern)]
        if hits:
            problems.append(f"should have been left out: {hits[0]}"
                            + (f" (and {len(hits) - 1} more)" if len(hits) > 1 else ""))
    return problems


def tree_size(folder: str) -> int:
    """Bytes in a folder, symlinks counted as links (as du and the archive see them)."""
    total = 0
    for d, _, names in os.walk(folder):
        for name in names:
            total += os.lstat(os.path.join(d, name)).st_size
    return total
