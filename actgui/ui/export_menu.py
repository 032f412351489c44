"""File ▸ Export All Figures (Ctrl+E), Export Figure ▸, Export Data as CSV and PNG Size ▸.

`ExportMenu` belongs to the main window and works on the page shown. It asks for the paths
with file dialogs and leaves the writing to `actgui.ui.export` (imported on first use: it
loads pyqtgraph's exporters, which start-up does not need). A file that cannot be written
gets a dialog and leaves nothing behind; what was written is reported in the status bar.
"""

from __future__ import annotations

import os
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from actgui.ui.settings import Settings

STATUS_MS = 12000  # how long the status bar shows what was written


class ExportMenu(QObject):
    def __init__(self, window: QMainWindow, settings: Settings):
        super().__init__(window)
        self.setObjectName("exportMenu")
        self._window = window
        self._settings = settings
        self._build_actions()

    # -- construction ------------------------------------------------------------------------
    def _tip(self, action: QAction, tip: str) -> None:
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def _build_actions(self) -> None:
        w = self._window
        self.export_all_action = QAction(self.tr("Export All &Figures…"), w)
        self.export_all_action.setObjectName("actionExportAll")
        self.export_all_action.setShortcut(QKeySequence("Ctrl+E"))
        self._tip(self.export_all_action, self.tr(
            "Save every plot of this page into a folder, each as a PNG picture and an SVG "
            "drawing"))
        self.export_all_action.triggered.connect(lambda: self.export_all())

        self.figure_menu = QMenu(self.tr("Export F&igure"), w)
        self.figure_menu.setObjectName("menuExportFigure")
        self.figure_menu.setToolTipsVisible(True)
        self._tip(self.figure_menu.menuAction(),
                  self.tr("Save one plot of this page as a PNG picture or an SVG drawing"))
        self.figure_menu.aboutToShow.connect(self.refresh_figures)

        self.data_action = QAction(self.tr("Export &Data as CSV…"), w)
        self.data_action.setObjectName("actionExportData")
        self._tip(self.data_action, self.tr(
            "Save the numbers behind this page's plots as a CSV table, for a spreadsheet "
            "or your own code"))
        self.data_action.triggered.connect(lambda: self.export_data())

        self.scale_menu = QMenu(self.tr("PNG &Size"), w)
        self.scale_menu.setObjectName("menuExportScale")
        self.scale_menu.setToolTipsVisible(True)
        self._tip(self.scale_menu.menuAction(), self.tr(
            "How large exported PNG pictures are, compared with the plot on screen"))
        self.scale_group = QActionGroup(self)
        self.scale_group.setExclusive(True)
        self.scale_actions: dict[int, QAction] = {}
        for scale in Settings.EXPORT_SCALES:
            action = QAction(self.tr("{0}× the size on screen").format(scale), w)
            action.setObjectName(f"actionExportScale{scale}")
            action.setCheckable(True)
            self._tip(action, self.tr(
                "PNG pictures {0} times as wide and high as the plot on screen").format(scale))
            action.triggered.connect(partial(self.set_scale, scale))
            self.scale_group.addAction(action)
            self.scale_menu.addAction(action)
            self.scale_actions[scale] = action
        self.refresh_scale()

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.export_all_action)
        menu.addMenu(self.figure_menu)
        menu.addAction(self.data_action)
        menu.addMenu(self.scale_menu)
        menu.addSeparator()

    # -- state -------------------------------------------------------------------------------
    def set_scale(self, scale: int) -> None:
        self._settings.export_scale = scale
        self.refresh_scale()

    def refresh_scale(self) -> None:
        """Tick the saved PNG size (after a change, or after the settings were reset)."""
        self.scale_actions[self._settings.export_scale].setChecked(True)

    def refresh_figures(self) -> None:
        """One entry per plot of the page shown (the menu is rebuilt each time it opens)."""
        from actgui.ui import export

        menu = self.figure_menu
        menu.clear()
        name = self._window.current_page_name()
        for slug, _ in export.page_plots(self._window.page(name)):
            action = menu.addAction(self.tr("{0}…").format(export.plot_title(slug)))
            action.setObjectName(f"actionExportFigure_{slug}")
            self._tip(action, self.tr("Save this plot as {0}.png or .svg").format(
                export.figure_name(name, slug, "").rstrip(".")))
            action.triggered.connect(partial(self.export_figure, slug))

    def _folder(self) -> str:
        folder = self._settings.export_dir
        return folder if folder and os.path.isdir(folder) else os.path.expanduser("~")

    def _failed(self, title: str, path: str, error: Exception) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        QMessageBox.warning(self._window, title, self.tr(
            "{0} could not be written:\n\n{1}\n\nNothing was saved.").format(path, reason))

    def _report(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    # -- commands ----------------------------------------------------------------------------
    def export_all(self, folder: str | None = None) -> list[str]:
        """Every plot of the page shown, as PNG and SVG, into `folder` (asked for if None).
        Returns the files written (none after a problem, which gets a dialog)."""
        from actgui.ui import export

        title = self.tr("Export All Figures")
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self._window, title, self._folder())
            if not folder:
                return []
        name = self._window.current_page_name()
        try:
            paths = export.export_all(self._window.page(name), name, folder,
                                      self._settings.export_scale)
        except OSError as e:
            self._failed(title, folder, e)
            return []
        self._settings.export_dir = folder
        files = ", ".join(os.path.basename(p) for p in paths)
        self._report(self.tr("Wrote {0} files to {1}: {2}").format(len(paths), folder, files))
        return paths

    def export_figure(self, slug: str, path: str | None = None) -> str | None:
        """One plot of the page shown, as PNG or SVG by the file name (asked for if None)."""
        from actgui.ui import export

        name = self._window.current_page_name()
        widgets = dict(export.page_plots(self._window.page(name)))
        if slug not in widgets:
            return None
        title = self.tr("Export Figure")
        if path is None:
            png, svg = self.tr("PNG picture (*.png)"), self.tr("SVG drawing (*.svg)")
            start = os.path.join(self._folder(), export.figure_name(name, slug, "png"))
            path, chosen = QFileDialog.getSaveFileName(self._window, title, start,
                                                       f"{png};;{svg}")
            if not path:
                return None
            if not os.path.splitext(path)[1]:
                path += ".svg" if chosen == svg else ".png"
        try:
            path = export.export_figure(widgets[slug], path, self._settings.export_scale)
        except OSError as e:
            self._failed(title, path, e)
            return None
        self._settings.export_dir = os.path.dirname(os.path.abspath(path))
        self._report(self.tr("Wrote {0}").format(path))
        return path

    def export_data(self, path: str | None = None) -> str | None:
        """The data of the page shown as CSV (a file name is asked for if None)."""
        from actgui.ui import export

        name = self._window.current_page_name()
        title = self.tr("Export Data")
        if path is None:
            start = os.path.join(self._folder(), export.csv_name(name))
            path, _ = QFileDialog.getSaveFileName(self._window, title, start,
                                                  self.tr("CSV files (*.csv);;All files (*)"))
            if not path:
                return None
            if not os.path.splitext(path)[1]:
                path += ".csv"
        try:
            export.write_page_csv(self._window.page(name), path)
        except OSError as e:
            self._failed(title, path, e)
            return None
        except ValueError as e:  # nothing to export on this page
            QMessageBox.information(self._window, title, str(e))
            return None
        self._settings.export_dir = os.path.dirname(os.path.abspath(path))
        self._report(self.tr("Wrote {0}").format(path))
        return path
