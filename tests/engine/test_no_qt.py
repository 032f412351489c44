import subprocess
import sys


def test_engine_imports_no_qt():
    code = (
        "import sys\n"
        "import actgui.engine.activations, actgui.engine.softmax, actgui.engine.network\n"
        "import actgui.engine.trainer, actgui.engine.config, actgui.engine.diagnostics\n"
        "import actgui.engine.datasets, actgui.engine.optim\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"engine loaded Qt modules: {out.stdout}"
