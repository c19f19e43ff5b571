"""The editorial workflow in the window (issue 19): "Send to…", the stage column and filter of
the list, the story budget, the notification bell (and the desktop notice) and each article's
history. `install_workflow(window)` (ui.workflow.actions) wires it all from one place."""
