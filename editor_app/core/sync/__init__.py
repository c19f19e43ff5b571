"""Offline-first sync (DESIGN.md §5, the PowerSync pattern): the desktop's SQLite library is a
replica of a newsroom server; `engine.SyncEngine` pulls the server's changes by its change
sequence and pushes the local ones through a durable queue. Qt-free."""
