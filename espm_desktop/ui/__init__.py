"""The window (PySide6). Importing the package loads Qt and answers PySide6's check of each module imported
afterwards from the module's file (ui/pyside_module_check.py), which the window's start-up waits for."""

from espm_desktop.ui.pyside_module_check import install

install()
