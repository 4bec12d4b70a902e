#!/usr/bin/python3
"""Ask an X window to close, as a window manager's close button does: send it
WM_DELETE_WINDOW (python3-xlib). Usage: close-window.py WINDOW_ID"""
import sys

from Xlib import X, display
from Xlib.protocol import event

d = display.Display()
w = d.create_resource_object("window", int(sys.argv[1], 0))
protocols = d.intern_atom("WM_PROTOCOLS")
delete = d.intern_atom("WM_DELETE_WINDOW")
w.send_event(event.ClientMessage(window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])))
d.flush()
