"""ESPM Desktop: ENERGY STAR Portfolio Manager companion for Québec and Canada."""

__version__ = "0.1.0"
