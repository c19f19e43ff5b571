"""Images in the article's body: the dialog, and what paste, drop and Format › Image do."""
