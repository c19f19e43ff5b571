"""Several windows, processes and people on one library: change events, following changes
made elsewhere, settling concurrent edits, and who is editing what."""
