"""Build actgui's installable bundle: dist/actgui/ and dist/actgui-<version>-<platform>.tar.gz.

Run from anywhere, with the Python environment that has actgui's dependencies and PyInstaller
(``pip install ".[dev]"``):

    python packaging/build.py            # build, strip (Linux), check, archive
    python packaging/build.py --check    # only check an existing dist/actgui/

Steps: PyInstaller with packaging/actgui.spec (one folder, windowed); on Linux ``strip`` of
every shared library except NumPy's (stripping its OpenBLAS breaks it); the manifest check of
bundle_rules.py (files that must be there, and files whose presence means the slimming broke);
the archive (.tar.gz on Linux, .zip on Windows and macOS). Exits non-zero on any problem.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import bundle_rules as rules  # noqa: E402

DIST = os.path.join(ROOT, "dist")
WORK = os.path.join(ROOT, "build", "pyinstaller")
SPEC = os.path.join(HERE, "actgui.spec")
# Never stripped: NumPy's own libraries (OpenBLAS breaks) and data-only ICU.
NO_STRIP = ("numpy/", "numpy.libs/", "libicudata")


def version() -> str:
    sys.path.insert(0, ROOT)
    from actgui import __version__  # imports nothing else

    return __version__


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def run_pyinstaller(clean: bool) -> None:
    args = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", DIST, "--workpath", WORK, SPEC]
    if clean:
        args.insert(3, "--clean")
    print("$", " ".join(args), flush=True)
    subprocess.run(args, cwd=ROOT, check=True)


def _is_elf(path: str) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def strip_bundle(folder: str) -> int:
    """strip --strip-unneeded every ELF library under _internal/ (not the executable: in a
    PyInstaller build it carries an archive after its ELF part). Returns the bytes saved."""
    strip = shutil.which("strip")
    if strip is None:
        print("build: `strip` not found (binutils); the bundle stays unstripped", flush=True)
        return 0
    internal = os.path.join(folder, "_internal")
    targets, before = [], 0
    for d, _, names in os.walk(internal):
        for name in names:
            path = os.path.join(d, name)
            rel = os.path.relpath(path, internal).replace(os.sep, "/")
            if os.path.islink(path) or any(rel.startswith(p) or p in rel for p in NO_STRIP):
                continue
            if _is_elf(path):
                targets.append(path)
                before += os.path.getsize(path)
    for i in range(0, len(targets), 64):
        subprocess.run([strip, "--strip-unneeded", *targets[i:i + 64]], check=True)
    after = sum(os.path.getsize(p) for p in targets)
    return before - after


def add_desktop_files(folder: str) -> None:
    """Linux: the menu entry, icons, file type and AppStream metadata under share/ (in the
    XDG layout) and install-desktop.sh, which installs them for the user."""
    res = os.path.join(ROOT, "resources")
    share = os.path.join(folder, "share")
    shutil.rmtree(share, ignore_errors=True)
    for src, dest in ((os.path.join(res, "actgui.desktop"), "applications/actgui.desktop"),
                      (os.path.join(res, "actgui-mime.xml"), "mime/packages/actgui.xml"),
                      (os.path.join(res, "org.actgui.actgui.metainfo.xml"),
                       "metainfo/org.actgui.actgui.metainfo.xml")):
        os.makedirs(os.path.dirname(os.path.join(share, dest)), exist_ok=True)
        shutil.copyfile(src, os.path.join(share, dest))
    shutil.copytree(os.path.join(res, "icons", "hicolor"),
                    os.path.join(share, "icons", "hicolor"))
    script = os.path.join(folder, "install-desktop.sh")
    shutil.copyfile(os.path.join(HERE, "install_desktop.sh"), script)
    os.chmod(script, 0o755)


def archive(folder: str) -> str:
    """dist/actgui-<version>-<platform>.tar.gz (Linux) or .zip, holding the actgui/ folder."""
    base = os.path.join(DIST, f"{rules.APP}-{version()}-{rules.platform_tag()}")
    top = os.path.basename(folder)
    if sys.platform.startswith("linux"):
        path = base + ".tar.gz"

        def owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            return info

        with tarfile.open(path + ".part", "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=top, filter=owner)  # symlinks stay symlinks
    elif sys.platform == "darwin":  # ditto keeps the .app's symbolic links and signatures
        path = base + ".zip"
        subprocess.run(["ditto", "-c", "-k", "--keepParent", folder, path + ".part"],
                       check=True)
    else:
        path = base + ".zip"
        with zipfile.ZipFile(path + ".part", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for d, _, names in os.walk(folder):
                for name in sorted(names):
                    full = os.path.join(d, name)
                    z.write(full, os.path.join(top, os.path.relpath(full, folder)))
    os.replace(path + ".part", path)
    return path


def check(folder: str) -> int:
    problems = rules.check_bundle(folder)
    for problem in problems:
        print(f"build: bundle check: {problem}", file=sys.stderr)
    if not problems:
        print(f"build: bundle check passed ({len(rules.manifest())} required files present, "
              f"nothing left in that should be out)")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check an existing dist/actgui/ (no build)")
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache and build folder first")
    parser.add_argument("--no-strip", action="store_true", help="skip the post-build strip")
    parser.add_argument("--no-archive", action="store_true", help="skip the archive")
    parser.add_argument("--max-mb", type=float, metavar="MB",
                        help="fail when the folder is larger than this (e.g. 160)")
    args = parser.parse_args(argv)

    app_dir = os.path.join(DIST, f"{rules.APP}.app")
    folder = os.path.join(DIST, rules.APP)
    if args.check:
        return check(folder)

    t0 = time.monotonic()
    run_pyinstaller(args.clean)
    built = time.monotonic()
    if sys.platform.startswith("linux") and not args.no_strip:
        saved = strip_bundle(folder)
        print(f"build: stripped {mb(saved)} of symbols (NumPy's libraries left alone)")
    if sys.platform.startswith("linux"):
        add_desktop_files(folder)
    if check(folder):
        return 1
    size = rules.tree_size(folder)
    print(f"build: {folder}: {mb(size)} (PyInstaller {built - t0:.0f} s)")
    if args.max_mb is not None and size > args.max_mb * 1e6:
        print(f"build: the bundle is over its budget of {args.max_mb:g} MB", file=sys.stderr)
        return 1
    if not args.no_archive:
        path = archive(app_dir if os.path.isdir(app_dir) else folder)
        print(f"build: {path}: {mb(os.path.getsize(path))}")
    print(f"build: done in {time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
