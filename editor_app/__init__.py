"""Midad (مداد): an offline-first editor for Arabic newsrooms."""

__version__ = "0.1.0"
