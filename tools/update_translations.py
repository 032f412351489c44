"""Regenerate the translation sources and compile them.

    python tools/update_translations.py            # lupdate, then lrelease
    python tools/update_translations.py --release  # lrelease only (after editing a .ts)

lupdate scans every ``actgui/**/*.py`` for ``self.tr("...")``,
``QCoreApplication.translate("Context", "...")`` and ``QT_TRANSLATE_NOOP("Context", "...")``
and merges new strings into ``actgui/resources/translations/actgui_<lang>.ts``, keeping the
existing translations (obsolete ones are dropped). Translate new strings with Qt Linguist
(``pyside6-linguist``) or in a text editor, then run this again: lrelease writes the
``.qm`` files the app loads. Commit both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "actgui"
TRANSLATIONS = PACKAGE / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    """pyside6-<name> next to this Python (a virtualenv), else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"pyside6-{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(os.path.relpath(p, ROOT) for p in PACKAGE.rglob("*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true",
                        help="only compile the .ts files into .qm files")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"actgui_{lang}.ts"
        if not args.release:
            # -locations none: line numbers would churn the .ts on every unrelated edit.
            subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none",
                            "-target-language", lang, *sources(), "-ts", str(ts)],
                           cwd=ROOT, check=True)
        subprocess.run([_tool("lrelease"), "-removeidentical", str(ts),
                        "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
