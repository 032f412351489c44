"""Packaging without building: the desktop files, the icons, the bundle rules, and the desktop
installer (into a temporary prefix). Building the bundle itself is CI's job (.ci/run)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from actgui.engine import session

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "resources"
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_rules as rules  # noqa: E402

MIME = "application/x-actgui-session"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry():
    entry = desktop_entry(RES / "actgui.desktop")
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "actgui %f"  # one session file, as the app's PATH argument
    assert entry["Icon"] == "actgui"
    assert entry["Terminal"] == "false"
    assert MIME in entry["MimeType"].split(";")
    assert "Education" in entry["Categories"].split(";")
    # QApplication.setDesktopFileName("actgui") in actgui/app.py names this file.
    assert 'setDesktopFileName("actgui")' in (ROOT / "actgui" / "app.py").read_text("utf-8")


def test_mime_type_matches_session_files():
    root = ET.parse(RES / "actgui-mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME
    globs = [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")]
    assert globs == ["*" + session.SUFFIX]
    magic = mime.find(f"{MIME_NS}magic/{MIME_NS}match").get("value")
    doc = session.make_document({}, {}, None)
    assert session.dumps(doc).decode().startswith(magic)


def test_metainfo():
    root = ET.parse(RES / "org.actgui.actgui.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "org.actgui.actgui"
    assert root.findtext("launchable") == "actgui.desktop"
    assert root.findtext("provides/mediatype") == MIME
    assert root.findtext("project_license") == "MIT"


def test_icons_in_every_size():
    from PySide6.QtGui import QImage

    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        path = RES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "actgui.png"
        image = QImage(str(path))
        assert not image.isNull(), path
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    scalable = RES / "icons" / "hicolor" / "scalable" / "apps" / "actgui.svg"
    assert scalable.read_bytes() == (ROOT / "actgui" / "resources" / "actgui.svg").read_bytes()


def test_plugin_rules():
    assert rules.plugin_name("libqxcb.so") == "qxcb"
    assert rules.plugin_name("qwindows.dll") == "qwindows"
    assert rules.keep_plugin("platforms", "/x/libqoffscreen.so")
    assert rules.keep_plugin("imageformats", "qsvg.dll")
    assert not rules.keep_plugin("imageformats", "libqjpeg.so")
    assert not rules.keep_plugin("platformthemes", "libqgtk3.so")
    assert not rules.keep_plugin("tls", "libqopensslbackend.so")


def test_slim_qt_files_filters_what_a_hook_collects():
    plugins = "PySide6/Qt/plugins"
    hidden, binaries, datas = rules.slim_qt_files(
        ["PySide6.QtCore", "PySide6.QtNetwork"],
        [("/q/libqxcb.so", f"{plugins}/platforms"),
         ("/q/libqvnc.so", f"{plugins}/platforms"),
         ("/q/libxdg-shell.so", f"{plugins}/wayland-shell-integration"),
         ("/q/libqtuiotouchplugin.so", f"{plugins}/generic"),
         ("/q/libQt6Core.so.6", "PySide6/Qt/lib")],
        [("/t/qtbase_zh_CN.qm", "PySide6/Qt/translations"),
         ("/t/qtbase_de.qm", "PySide6/Qt/translations"),
         ("/t/qt_zh_CN.qm", "PySide6/Qt/translations")],
        languages=["zh_CN"])
    assert hidden == ["PySide6.QtCore"]
    assert [src for src, _ in binaries] == ["/q/libqxcb.so", "/q/libxdg-shell.so",
                                            "/q/libQt6Core.so.6"]
    assert datas == [("/t/qtbase_zh_CN.qm", "PySide6/Qt/translations")]
    assert rules.app_languages() == ["zh_CN"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle layout")
def test_check_bundle_reports_missing_and_forbidden_files(tmp_path):
    for pattern in rules.manifest():
        path = tmp_path / pattern.replace("*", "x")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    (tmp_path / rules.APP).chmod(0o755)
    assert rules.check_bundle(str(tmp_path)) == []

    (tmp_path / "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so").unlink()
    net = tmp_path / "_internal/PySide6/Qt/lib/libQt6Network.so.6"
    net.write_bytes(b"")
    problems = rules.check_bundle(str(tmp_path))
    assert problems == ["missing: _internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
                        "should have been left out: _internal/PySide6/Qt/lib/libQt6Network.so.6"]
    assert not rules.keep_binary("libstdc++.so.6")
    assert rules.keep_binary("libxcb-cursor.so.0")


@pytest.mark.skipif(shutil.which("sh") is None or sys.platform == "win32", reason="needs sh")
def test_install_desktop_installs_and_uninstalls(tmp_path):
    script = ROOT / "packaging" / "install_desktop.sh"
    prefix = tmp_path / "share"
    exe = tmp_path / "my apps" / "actgui" / "actgui"
    exe.parent.mkdir(parents=True)
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "unused"))
    run = [script, "--prefix", str(prefix)]
    done = subprocess.run(["sh", *run, "--exec", str(exe)], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    entry = desktop_entry(prefix / "applications" / "actgui.desktop")
    assert entry["Exec"] == f'"{exe}" %f'
    assert entry["TryExec"] == str(exe)
    installed = {p.relative_to(prefix).as_posix() for p in prefix.rglob("*") if p.is_file()}
    assert {"mime/packages/actgui.xml", "metainfo/org.actgui.actgui.metainfo.xml",
            "icons/hicolor/16x16/apps/actgui.png", "icons/hicolor/512x512/apps/actgui.png",
            "icons/hicolor/scalable/apps/actgui.svg"} <= installed
    assert not (tmp_path / "unused").exists()

    done = subprocess.run(["sh", *run, "--uninstall"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    left = {p.name for p in prefix.rglob("*") if p.is_file()}
    assert not left & {"actgui.desktop", "actgui.xml", "actgui.png", "actgui.svg",
                       "org.actgui.actgui.metainfo.xml"}

    done = subprocess.run(["sh", *run, "--exec", "relative/actgui"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "absolute path" in done.stderr
