"""What `midad server init` grants on sync's server tables (appended to core.server.security).

Everyone reads the change log (it names only article uuids; what they may read of the
articles themselves is the articles' own row-level security). A push's idempotency record
is its pusher's own: written with the change, read back only by them."""

from __future__ import annotations


def sync_security_statements(member_role: str) -> list[str]:
    mine = "login = current_user"
    return [
        f"GRANT SELECT ON sync_log TO {member_role}",
        f"GRANT SELECT, INSERT ON sync_pushes TO {member_role}",
        "ALTER TABLE sync_pushes ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS midad_pusher_only ON sync_pushes",
        f"CREATE POLICY midad_pusher_only ON sync_pushes FOR ALL TO {member_role} USING ({mine}) WITH CHECK ({mine})",
    ]
