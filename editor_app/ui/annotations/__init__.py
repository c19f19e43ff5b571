"""Comments beside the text and suggested edits in the editor (core.annotations underneath).

controller  follows the editor's text, suggest mode's typing, saving, accept/reject
highlights  the editor's extra selections for comments, insertions and deletions
pane        the comments margin: threads and suggestions beside their paragraphs
actions     the window's actions and menu entries (install_annotations), in one module so
            the command registry can take them over
"""
