"""Waits for an application's first top-level window to be mapped, to the millisecond.

`xdotool search --sync` polls twice a second, far too coarse for a launch of a third of a
second, and python-xlib is not a dependency; so this asks libX11 itself (through ctypes)
for the root window's MapNotify events, which the server sends the instant a window maps.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import time

_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_MAP_NOTIFY = 19
_XA_CARDINAL = 6


class _MapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("map", _MapEvent), ("pad", ctypes.c_long * 24)]


class MapWatcher:
    """Open before launching; `wait_for(pids)` returns the monotonic time a window of one of
    those processes was mapped (normal windows only: tooltips and menus are override-redirect)."""

    def __init__(self, display_name: str) -> None:
        self._x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
        self._x.XOpenDisplay.restype = ctypes.c_void_p
        self._x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self._x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self._x.XPending.argtypes = [ctypes.c_void_p]
        self._x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
        self._x.XFlush.argtypes = [ctypes.c_void_p]
        self._x.XInternAtom.restype = ctypes.c_ulong
        self._x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self._x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
        self._x.XFree.argtypes = [ctypes.c_void_p]
        self._x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._display = self._x.XOpenDisplay(display_name.encode())
        if not self._display:
            raise RuntimeError(f"cannot open the X display {display_name}")
        self._pid_atom = self._x.XInternAtom(self._display, b"_NET_WM_PID", 0)
        self._x.XSelectInput(self._display, self._x.XDefaultRootWindow(self._display), _SUBSTRUCTURE_NOTIFY_MASK)
        self._x.XFlush(self._display)
        self._fd = self._x.XConnectionNumber(self._display)

    def drain(self) -> None:
        """Forget the events of earlier launches."""
        event = _Event()
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, ctypes.byref(event))

    def _window_pid(self, window: int) -> int | None:
        kind, fmt, count, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self._x.XGetWindowProperty(self._display, window, self._pid_atom, 0, 1, 0, _XA_CARDINAL,
                                            ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count),
                                            ctypes.byref(after), ctypes.byref(data))
        if status != 0 or not data.value:
            return None
        try:
            return ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if count.value else None
        finally:
            self._x.XFree(data)

    def wait_for(self, pids, timeout: float) -> float | None:
        """pids: a callable giving the current set of the app's process ids (it may fork)."""
        deadline = time.monotonic() + timeout
        event = _Event()
        while time.monotonic() < deadline:
            while self._x.XPending(self._display):
                self._x.XNextEvent(self._display, ctypes.byref(event))
                if event.type == _MAP_NOTIFY and not event.map.override_redirect:
                    seen = time.monotonic()
                    owner = self._window_pid(event.map.window)
                    if owner is None or owner in pids():
                        return seen
            select.select([self._fd], [], [], max(0.0, min(0.05, deadline - time.monotonic())))
        return None

    def close(self) -> None:
        self._x.XCloseDisplay(self._display)
