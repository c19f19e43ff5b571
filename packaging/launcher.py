"""Entry point of the bundled app (PyInstaller starts here)."""

import sys

# The bundle lives under /opt (or Program Files): nothing may be written there, and
# leftover bytecode would outlive an uninstall.
sys.dont_write_bytecode = True

from editor_app.app import main  # noqa: E402

raise SystemExit(main())
