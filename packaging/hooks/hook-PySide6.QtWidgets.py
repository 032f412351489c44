# actgui: PyInstaller's own hook for PySide6.QtWidgets, minus the Qt plugins and translations
# actgui does not use (packaging/bundle_rules.py says which). User hooks take precedence.
from bundle_rules import slim_qt_files
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = slim_qt_files(*add_qt6_dependencies(__file__))
