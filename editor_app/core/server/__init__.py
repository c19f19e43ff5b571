"""The newsroom server: one shared library on PostgreSQL (DESIGN.md §5).

PostgreSQL itself is the server: people are its roles, permissions its GRANTs and
row-level security (security.py), `midad server init` applies them (setup.py), admins
manage people through it (people.py), search has its own index there (search.py), and a
connection's failures are named in one sentence (faults.py). Everything else in Midad
runs one code path on SQLite and PostgreSQL.
"""
