"""The editorial workflow (issue 19): desks and stages, "send to", the story budget,
notifications and each article's history. Qt-free; on a newsroom server the rules are the
server's (core.workflow.server_rights), on SQLite one writer does everything."""
