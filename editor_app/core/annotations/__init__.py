"""Comments anchored to the text and suggested edits (track changes).

anchors      an Anchor (offsets + quoted text + context) that follows edits exactly and is
             found again by fuzzy match when the text changed elsewhere
marks        the live layer beside an open article: comments and suggestions in the editor's
             text (= accepted text + pending insertions), shifted on every keystroke
suggestions  pure text operations: compose the editor's text, apply an accepted suggestion
store        the use cases over the database (threads, replies, resolve, suggest, accept…)
events       the hook for notifications ("mentioned", "suggestion_accepted", …)
tables       the ORM rows (migration 0010); server_rights: the newsroom's rules on them

Nothing here is ever exported or published: exporters and publishing read the article's
body, which holds only accepted text.
"""
