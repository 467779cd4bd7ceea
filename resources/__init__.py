"""Data tables, translations and icons shipped with ESPM Desktop."""
